/* fuzz-import.c: libFuzzer target for one importer that reads a file
 *
 * Built once per format (fuzz/meson.build): FUZZ_FORMAT is the importer,
 * FUZZ_FILE_NAME the name the input is written under. The first byte
 * chooses the import options (offset unit, whether it was given, where
 * titles come from); the rest is the file.
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
  file = fuzz_write_file (FUZZ_FILE_NAME, data + 1, size - 1);
  fuzz_import (FUZZ_FORMAT, file, data[0]);

  return 0;
}
