/* gloss-cli.c: the core from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gloss.h"
#include "gloss-cli-commands.h"

typedef struct
{
  const char *name;
  int       (*run) (int, char **);
  const char *summary;
} Command;

static const Command commands[] = {
  { "import", gloss_cli_import, N_("Make a corpus of text files or other formats") },
  { "export", gloss_cli_export, N_("Write a corpus as training data (doccano, spaCy, CoNLL, brat, W3C)") },
  { "validate", gloss_cli_validate, N_("Check corpora and report every problem") },
  { "stats", gloss_cli_stats, N_("Count documents and spans per label") },
  { "annotate", gloss_cli_annotate, N_("Label the terms of a list (gazetteer) in a corpus") },
  { "agree", gloss_cli_agree, N_("Measure how far annotators agree (F1, Cohen’s and Fleiss’ κ, Krippendorff’s α)") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  gloss-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “gloss-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  gloss_i18n_init ();

  g_set_prgname ("gloss-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return GLOSS_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return GLOSS_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("gloss-cli %s\n", PACKAGE_VERSION);
      return GLOSS_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("gloss-cli: unknown command “%s”"), argv[1]);
  fputs ("\n\n", stderr);
  print_usage (stderr);

  return GLOSS_CLI_USAGE;
}
