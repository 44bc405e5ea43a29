/*
 * Copyright (C) 1995-2024 Jean-loup Gailly and Mark Adler
 * SPDX-License-Identifier: Zlib
 */

/* zlib 1.3.1: sample source for the Slipway release set. */
int zlib_version(void) { return 1; }
