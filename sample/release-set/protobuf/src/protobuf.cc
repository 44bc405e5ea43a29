/*
 * Copyright 2008 Google Inc.
 * SPDX-License-Identifier: BSD-3-Clause
 */

/* protobuf 3.21.12: sample source for the Slipway release set. */
int protobuf_version(void) { return 1; }
