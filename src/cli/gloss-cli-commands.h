/* gloss-cli-commands.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes shared by every subcommand. */
typedef enum
{
  GLOSS_CLI_OK = 0,
  GLOSS_CLI_BAD_INPUT = 1,
  GLOSS_CLI_USAGE = 2,
} GlossCliStatus;

int gloss_cli_import   (int    argc,
                        char **argv);
int gloss_cli_export   (int    argc,
                        char **argv);
int gloss_cli_validate (int    argc,
                        char **argv);
int gloss_cli_stats    (int    argc,
                        char **argv);
int gloss_cli_annotate (int    argc,
                        char **argv);
int gloss_cli_agree    (int    argc,
                        char **argv);

G_END_DECLS
