/* fuzz-brat.c: libFuzzer target for the brat standoff importer
 *
 * The first byte chooses the import options; the rest is the text of
 * input.txt, a NUL byte, and input.ann (with no NUL, the whole rest is the
 * .ann and the .txt is empty).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) text = NULL;
  g_autoptr(GFile) ann = NULL;
  const guint8 *rest;
  const guint8 *nul;
  gsize rest_size;

  if (size < 1)
    return 0;

  fuzz_init ();
  rest = data + 1;
  rest_size = size - 1;
  nul = memchr (rest, '\0', rest_size);
  if (nul != NULL)
    {
      text = fuzz_write_file ("input.txt", rest, nul - rest);
      ann = fuzz_write_file ("input.ann", nul + 1, rest_size - (nul - rest) - 1);
    }
  else
    {
      text = fuzz_write_file ("input.txt", NULL, 0);
      ann = fuzz_write_file ("input.ann", rest, rest_size);
    }
  fuzz_import ("brat", ann, data[0]);

  return 0;
}
