/*
 * Copyright (c) 2024 Acme Lidar GmbH
 * SPDX-License-Identifier: LicenseRef-Acme-Lidar-EULA
 */

/* vendor-lidar-sdk 4.2.0: sample source for the Slipway release set. */
int vendor_lidar_sdk_version(void) { return 1; }
