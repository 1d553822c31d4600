/* ui-test-util.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkApplication   *ui_test_init                (int        *argc,
                                               char     ***argv);
GtkApplication   *ui_test_init_in_language    (int        *argc,
                                               char     ***argv,
                                               const char *language);
void              ui_test_iterate             (void);
void              ui_test_wait_until          (gboolean  (*done) (gpointer),
                                               gpointer    data);
void              ui_test_run_for             (guint       msec);
void              ui_test_remove_tree         (const char *path);
AdwMessageDialog *ui_test_find_message_dialog (void);
GtkWidget        *ui_test_find_by_id          (GtkWidget  *widget,
                                               const char *id);
void              ui_test_respond             (AdwMessageDialog *dialog,
                                               const char       *response);

G_END_DECLS
