/* fuzz-spacy.c: libFuzzer target for the spacy JSONL importer
 *
 * The first byte chooses the import options (offset unit, whether it was
 * given); the rest is the file.
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
  file = fuzz_write_file ("input.jsonl", data + 1, size - 1);
  fuzz_import ("spacy", file, data[0]);

  return 0;
}
