/*
 * Copyright (c) 2026 Slipway Automotive
 * SPDX-License-Identifier: LicenseRef-Slipway-Proprietary
 */

/* hmi-app 2.0.0: sample source for the Slipway release set. */
int hmi_app_version(void) { return 1; }
