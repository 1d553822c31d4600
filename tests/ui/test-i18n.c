/* test-i18n.c: the window in another language
 *
 * Run once per language (GLOSS_TEST_LANGUAGE, see tests/meson.build): the
 * window, its menus, its shortcuts window and the preferences show no
 * string in English that the language's catalogue translates, and the
 * layout runs in the language's direction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"
#include "ui-test-util.h"

static GtkApplication *app;
static const char *language;

typedef struct
{
  guint      n_checked;
  GPtrArray *untranslated;
} Sweep;

/* Properties that hold names for programs, not words for people. */
static gboolean
is_technical_property (const char *name)
{
  static const char * const names[] = {
    "name", "icon-name", "action-name", "css-name", "accelerator",
    "accelerators", "action-target", "menu-name", "section-name",
    "view-name", "buildable-id", "placeholder-icon-name",
    "visible-child-name",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;

  return FALSE;
}

/* A text shown as it is in the sources although the catalogue has a
 * translation for it is a string that escaped translation at run time
 * (a missing _(), a translatable="yes" forgotten, a string set before
 * the text domain was bound). */
static void
check_text (Sweep      *sweep,
            const char *where,
            const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  sweep->n_checked++;
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
    g_ptr_array_add (sweep->untranslated, g_strdup_printf ("%s: “%s”", where, text));
}

static void
sweep_menu (Sweep      *sweep,
            GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (sweep, "menu item", label);

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          sweep_menu (sweep, linked);
        }
    }
}

/* Every readable string property of @object, and the menus it holds. */
static void
sweep_object (Sweep   *sweep,
              GObject *object)
{
  guint n_properties;
  g_autofree GParamSpec **properties = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_properties);

  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = properties[i];

      if (!(pspec->flags & G_PARAM_READABLE) || is_technical_property (pspec->name))
        continue;

      if (pspec->value_type == G_TYPE_STRING)
        {
          g_autofree char *value = NULL;
          g_autofree char *where = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);

          g_object_get (object, pspec->name, &value, NULL);
          check_text (sweep, where, value);
        }
      else if (g_type_is_a (pspec->value_type, G_TYPE_MENU_MODEL))
        {
          g_autoptr(GMenuModel) menu = NULL;

          g_object_get (object, pspec->name, &menu, NULL);
          if (menu != NULL)
            sweep_menu (sweep, menu);
        }
    }
}

static void
sweep_widget (Sweep     *sweep,
              GtkWidget *widget)
{
  sweep_object (sweep, G_OBJECT (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sweep_widget (sweep, child);
}

/* Fails naming every English string found in @widget's tree. */
static void
assert_translated (GtkWidget  *widget,
                   const char *what)
{
  Sweep sweep = { 0, g_ptr_array_new_with_free_func (g_free) };

  sweep_widget (&sweep, widget);
  g_test_message ("%s: %u texts checked in %s", what, sweep.n_checked, language);

  for (guint i = 0; i < sweep.untranslated->len; i++)
    g_test_message ("untranslated in %s: %s", what, (char *)g_ptr_array_index (sweep.untranslated, i));

  /* A sweep that saw nothing would prove nothing. */
  g_assert_cmpuint (sweep.n_checked, >, 10);
  g_assert_cmpuint (sweep.untranslated->len, ==, 0);
  g_ptr_array_unref (sweep.untranslated);
}

/* @msgid is translated in this language, and @widget's @property shows
 * that translation. */
static void
assert_shows (GObject    *object,
              const char *property,
              const char *msgid)
{
  const char *expected = g_dgettext (GETTEXT_PACKAGE, msgid);
  g_autofree char *value = NULL;

  g_assert_cmpstr (expected, !=, msgid);
  g_object_get (object, property, &value, NULL);
  g_assert_cmpstr (value, ==, expected);
}

static GtkTextDirection
expected_direction (void)
{
  /* Of the languages Gloss ships, Arabic is written right to left. */
  return g_str_equal (language, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

static void
test_direction (void)
{
  GlossWindow *window = gloss_window_new (app);

  /* GTK takes the direction from its own catalogue for the language. */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, expected_direction ());
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, expected_direction ());

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_welcome (void)
{
  GlossWindow *window = gloss_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate ();

  assert_shows (G_OBJECT (ui_test_find_by_id (GTK_WIDGET (window), "welcome_page")), "title", "Label Your Texts");
  assert_translated (GTK_WIDGET (window), "the welcome page");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_sample (void)
{
  GlossWindow *window = gloss_window_new (app);
  GlossCorpus *corpus;
  GtkWidget *overlay;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  ui_test_iterate ();
  corpus = gloss_window_get_corpus (window);
  g_assert_nonnull (corpus);

  assert_translated (GTK_WIDGET (window), "the window with the sample corpus");

  /* The shortcuts window. */
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  assert_translated (overlay, "the shortcuts window");

  gloss_corpus_set_dirty (corpus, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

static void
test_preferences (void)
{
  GlossWindow *window = gloss_window_new (app);
  GtkWidget *preferences;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  ui_test_iterate ();

  preferences = gloss_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gloss_preferences_window_set_corpus (GLOSS_PREFERENCES_WINDOW (preferences),
                                       gloss_window_get_corpus (window));
  gtk_window_present (GTK_WINDOW (preferences));
  ui_test_iterate ();

  g_assert_cmpint (gtk_widget_get_direction (preferences), ==, expected_direction ());
  assert_translated (preferences, "the preferences");

  gtk_window_destroy (GTK_WINDOW (preferences));
  gloss_corpus_set_dirty (gloss_window_get_corpus (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  language = g_getenv ("GLOSS_TEST_LANGUAGE");
  g_assert_nonnull (language);

  app = ui_test_init_in_language (&argc, &argv, language);

  g_test_add_func ("/gloss/ui/i18n/direction", test_direction);
  g_test_add_func ("/gloss/ui/i18n/welcome", test_welcome);
  g_test_add_func ("/gloss/ui/i18n/sample", test_sample);
  g_test_add_func ("/gloss/ui/i18n/preferences", test_preferences);

  return g_test_run ();
}
