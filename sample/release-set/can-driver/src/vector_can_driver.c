/*
 * Copyright (c) 2021-2024 Vector Bus Systems
 * SPDX-License-Identifier: LicenseRef-Vector-Redistributable
 */

/* vector-can-driver 1.8.3: sample source for the Slipway release set. */
int vector_can_driver_version(void) { return 1; }
