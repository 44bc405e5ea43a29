/*
 * Copyright (c) 2002-2023 Volkswagen Group Electronic Research
 * SPDX-License-Identifier: GPL-2.0-only
 */

/* can-utils 2023.03: sample source for the Slipway release set. */
int can_utils_version(void) { return 1; }
