/*
 * Copyright (c) 2002-2023 Volkswagen Group Electronic Research
 * Copyright (c) 2026 Slipway Automotive
 * SPDX-License-Identifier: GPL-2.0-only
 */

/* can-utils-adas 2023.03-adas1: sample source for the Slipway release set. */
int can_utils_adas_version(void) { return 1; }
