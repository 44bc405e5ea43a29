/*
 * Copyright (c) 2000-2023 the FFmpeg developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* ffmpeg 6.1: sample source for the Slipway release set. */
int ffmpeg_version(void) { return 1; }
