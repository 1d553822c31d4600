/* gloss-bench-scan.c: the least any loader must do with a corpus file
 *
 * Reads a file in 1 MiB blocks, checks it is UTF-8 and follows its JSON
 * strings and brackets, keeping nothing: the benchmarks' practical limit
 * for `gloss-cli validate`. Prints the number of values it saw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#define BLOCK (1024 * 1024)

typedef struct
{
  gboolean in_string;
  gboolean escaped;
  guint    depth;
  guint64  n_values;
} Scan;

static void
scan_block (Scan        *scan,
            const char  *data,
            gsize        n_bytes)
{
  for (gsize i = 0; i < n_bytes; i++)
    {
      char c = data[i];

      if (scan->in_string)
        {
          if (scan->escaped)
            scan->escaped = FALSE;
          else if (c == '\\')
            scan->escaped = TRUE;
          else if (c == '"')
            scan->in_string = FALSE;
        }
      else if (c == '"')
        {
          scan->in_string = TRUE;
          scan->n_values++;
        }
      else if (c == '{' || c == '[')
        {
          scan->depth++;
          scan->n_values++;
        }
      else if (c == '}' || c == ']')
        scan->depth--;
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *block = NULL;
  Scan scan = { 0 };
  gsize carried = 0;
  int fd;

  if (argc != 2)
    {
      fprintf (stderr, "usage: gloss-bench-scan FILE\n");
      return 2;
    }

  if ((fd = open (argv[1], O_RDONLY)) < 0)
    {
      fprintf (stderr, "%s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }

  /* Room for a block and the start of a character cut at its end. */
  block = g_malloc (BLOCK + 4);

  for (;;)
    {
      gssize n = read (fd, block + carried, BLOCK);
      const char *valid_end;
      gsize total;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          fprintf (stderr, "%s: %s\n", argv[1], g_strerror (errno));
          return 1;
        }

      total = carried + n;
      if (!g_utf8_validate (block, total, &valid_end) &&
          (n == 0 || total - (valid_end - block) > 3))
        {
          fprintf (stderr, "%s: invalid UTF-8 at a byte near %zd\n", argv[1], valid_end - block);
          return 1;
        }

      scan_block (&scan, block, valid_end - block);
      carried = total - (valid_end - block);
      memmove (block, valid_end, carried);

      if (n == 0)
        break;
    }

  close (fd);

  if (scan.depth != 0 || scan.in_string)
    {
      fprintf (stderr, "%s: brackets or quotes do not match\n", argv[1]);
      return 1;
    }

  printf ("%" G_GUINT64_FORMAT " values\n", scan.n_values);

  return 0;
}
