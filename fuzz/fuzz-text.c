/* fuzz-text.c: libFuzzer target for the plain-text importer, arbitrary bytes
 *
 * The first byte chooses where titles come from; the rest is the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = NULL;

  if (size < 1)
    return 0;

  fuzz_init ();
  file = fuzz_write_file ("input.txt", data + 1, size - 1);
  fuzz_import ("text", file, data[0]);

  return 0;
}
