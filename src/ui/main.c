/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include <glib/gi18n.h>

#include "gloss.h"
#include "gloss-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossApplication) app = NULL;

  gloss_i18n_init ();

  app = gloss_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
