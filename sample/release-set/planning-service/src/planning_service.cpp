/*
 * Copyright (c) 2025-2026 Slipway Automotive
 * SPDX-License-Identifier: LicenseRef-Slipway-Proprietary
 */

/* planning-service 2.4.0: sample source for the Slipway release set. */
int planning_service_version(void) { return 1; }
