/* fuzz-native.c: libFuzzer target for the native .gloss.json loader
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
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  fuzz_init ();
  corpus = gloss_corpus_load_bytes (bytes, &problems, &error);
  if (corpus != NULL)
    fuzz_exercise_corpus (corpus);

  return 0;
}
