/*
 * Copyright (c) 2000-2023 the FFmpeg developers
 * Copyright (c) 2026 Slipway Automotive
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* ffmpeg-adas 6.1-adas2: sample source for the Slipway release set. */
int ffmpeg_adas_version(void) { return 1; }
