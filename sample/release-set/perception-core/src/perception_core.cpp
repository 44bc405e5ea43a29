/*
 * Copyright (c) 2024-2026 Slipway Automotive
 * SPDX-License-Identifier: LicenseRef-Slipway-Proprietary
 */

/* perception-core 2.4.0: sample source for the Slipway release set. */
int perception_core_version(void) { return 1; }
