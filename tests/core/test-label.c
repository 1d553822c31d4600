/* test-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gloss.h"

typedef struct
{
  guint name;
  guint color;
  guint key;
  guint description;
  guint names;
} NotifyCounts;

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *counter)
{
  (*counter)++;
}

static void
connect_counts (GlossLabel   *label,
                NotifyCounts *counts)
{
  g_signal_connect (label, "notify::name", G_CALLBACK (count_cb), &counts->name);
  g_signal_connect (label, "notify::color", G_CALLBACK (count_cb), &counts->color);
  g_signal_connect (label, "notify::key", G_CALLBACK (count_cb), &counts->key);
  g_signal_connect (label, "notify::description", G_CALLBACK (count_cb), &counts->description);
  g_signal_connect (label, "notify::names", G_CALLBACK (count_cb), &counts->names);
}

static void
assert_counts (const NotifyCounts *counts,
               guint               name,
               guint               color,
               guint               key,
               guint               description,
               guint               names)
{
  g_assert_cmpuint (counts->name, ==, name);
  g_assert_cmpuint (counts->color, ==, color);
  g_assert_cmpuint (counts->key, ==, key);
  g_assert_cmpuint (counts->description, ==, description);
  g_assert_cmpuint (counts->names, ==, names);
}

static void
test_label_new_defaults (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("principle", NULL, NULL, NULL, NULL);
  g_auto(GStrv) locales = NULL;

  g_assert_cmpstr (gloss_label_get_id (label), ==, "principle");
  g_assert_cmpstr (gloss_label_get_name (label), ==, "principle");
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#3584e4");
  g_assert_null (gloss_label_get_key (label));
  g_assert_cmpstr (gloss_label_get_description (label), ==, "");

  locales = gloss_label_dup_locales (label);
  g_assert_nonnull (locales);
  g_assert_cmpuint (g_strv_length (locales), ==, 0);
}

static void
test_label_new_full (void)
{
  g_autoptr(GlossLabel) label = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  g_autofree char *key = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) names = NULL;

  label = gloss_label_new ("task", "Task", "#2ec27e", "2", "A concrete task.");
  gloss_label_set_name_for_locale (label, "vi", "Nhiệm vụ");

  g_object_get (label,
                "id", &id,
                "name", &name,
                "color", &color,
                "key", &key,
                "description", &description,
                "names", &names,
                NULL);

  g_assert_cmpstr (id, ==, "task");
  g_assert_cmpstr (name, ==, "Task");
  g_assert_cmpstr (color, ==, "#2ec27e");
  g_assert_cmpstr (key, ==, "2");
  g_assert_cmpstr (description, ==, "A concrete task.");
  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "vi");
}

static void
test_label_notify (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("pillar", "Pillar", "#e5a50a", "3", "Old");
  NotifyCounts counts = { 0, };

  connect_counts (label, &counts);

  /* Setting the value it already has must stay silent. */
  gloss_label_set_name (label, "Pillar");
  gloss_label_set_color (label, "#e5a50a");
  gloss_label_set_key (label, "3");
  gloss_label_set_description (label, "Old");
  assert_counts (&counts, 0, 0, 0, 0, 0);

  gloss_label_set_name (label, "Trụ cột");
  assert_counts (&counts, 1, 0, 0, 0, 0);
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Trụ cột");
  gloss_label_set_name (label, "Trụ cột");
  assert_counts (&counts, 1, 0, 0, 0, 0);

  gloss_label_set_color (label, "#c061cb");
  assert_counts (&counts, 1, 1, 0, 0, 0);
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#c061cb");

  /* NULL resets the colour to the default, which is a change here… */
  gloss_label_set_color (label, NULL);
  assert_counts (&counts, 1, 2, 0, 0, 0);
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#3584e4");
  /* …and not a second time. */
  gloss_label_set_color (label, NULL);
  gloss_label_set_color (label, "#3584e4");
  assert_counts (&counts, 1, 2, 0, 0, 0);

  gloss_label_set_key (label, "p");
  assert_counts (&counts, 1, 2, 1, 0, 0);
  g_assert_cmpstr (gloss_label_get_key (label), ==, "p");

  /* "" means no key, like NULL. */
  gloss_label_set_key (label, "");
  assert_counts (&counts, 1, 2, 2, 0, 0);
  g_assert_null (gloss_label_get_key (label));
  gloss_label_set_key (label, NULL);
  gloss_label_set_key (label, "");
  assert_counts (&counts, 1, 2, 2, 0, 0);

  gloss_label_set_description (label, "New");
  assert_counts (&counts, 1, 2, 2, 1, 0);
  g_assert_cmpstr (gloss_label_get_description (label), ==, "New");
  gloss_label_set_description (label, NULL);
  assert_counts (&counts, 1, 2, 2, 2, 0);
  g_assert_cmpstr (gloss_label_get_description (label), ==, "");
  gloss_label_set_description (label, NULL);
  assert_counts (&counts, 1, 2, 2, 2, 0);
}

static void
test_label_notify_g_object_set (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("principle", "Principle", NULL, "1", NULL);
  NotifyCounts counts = { 0, };

  connect_counts (label, &counts);

  /* The explicit-notify properties must not notify through g_object_set()
   * either when nothing changes. */
  g_object_set (label,
                "name", "Principle",
                "color", "#3584e4",
                "key", "1",
                NULL);
  assert_counts (&counts, 0, 0, 0, 0, 0);

  g_object_set (label,
                "name", "Nguyên tắc",
                "color", "#ff7800",
                "key", "n",
                "description", "Một nguyên tắc",
                NULL);
  assert_counts (&counts, 1, 1, 1, 1, 0);
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Nguyên tắc");
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#ff7800");
  g_assert_cmpstr (gloss_label_get_key (label), ==, "n");
  g_assert_cmpstr (gloss_label_get_description (label), ==, "Một nguyên tắc");
}

static void
test_label_invalid_setters (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("principle", NULL, "#3584e4", "1", NULL);
  NotifyCounts counts = { 0, };

  connect_counts (label, &counts);

  g_test_expect_message ("gloss-label", G_LOG_LEVEL_CRITICAL, "*gloss_label_color_is_valid*");
  gloss_label_set_color (label, "red");
  g_test_assert_expected_messages ();

  g_test_expect_message ("gloss-label", G_LOG_LEVEL_CRITICAL, "*gloss_label_key_is_valid*");
  gloss_label_set_key (label, "12");
  g_test_assert_expected_messages ();

  g_assert_cmpstr (gloss_label_get_color (label), ==, "#3584e4");
  g_assert_cmpstr (gloss_label_get_key (label), ==, "1");
  assert_counts (&counts, 0, 0, 0, 0, 0);
}

static void
test_label_locales (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("principle", "Principle", NULL, NULL, NULL);
  g_auto(GStrv) locales = NULL;
  NotifyCounts counts = { 0, };

  connect_counts (label, &counts);

  g_assert_null (gloss_label_get_name_for_locale (label, "vi"));

  gloss_label_set_name_for_locale (label, "vi", "Nguyên tắc");
  g_assert_cmpuint (counts.names, ==, 1);
  gloss_label_set_name_for_locale (label, "pt_BR", "Princípio");
  g_assert_cmpuint (counts.names, ==, 2);
  gloss_label_set_name_for_locale (label, "ar", "مبدأ");
  g_assert_cmpuint (counts.names, ==, 3);

  /* Same value: no notification. */
  gloss_label_set_name_for_locale (label, "vi", "Nguyên tắc");
  g_assert_cmpuint (counts.names, ==, 3);

  /* Changed value. */
  gloss_label_set_name_for_locale (label, "vi", "Nguyên lý");
  g_assert_cmpuint (counts.names, ==, 4);

  g_assert_cmpstr (gloss_label_get_name_for_locale (label, "vi"), ==, "Nguyên lý");
  g_assert_cmpstr (gloss_label_get_name_for_locale (label, "pt_BR"), ==, "Princípio");
  g_assert_cmpstr (gloss_label_get_name_for_locale (label, "ar"), ==, "مبدأ");
  /* Exact lookup only: no fallback from pt_BR to pt or back. */
  g_assert_null (gloss_label_get_name_for_locale (label, "pt"));
  g_assert_null (gloss_label_get_name_for_locale (label, "vi_VN"));

  locales = gloss_label_dup_locales (label);
  g_assert_cmpuint (g_strv_length (locales), ==, 3);
  g_assert_cmpstr (locales[0], ==, "ar");
  g_assert_cmpstr (locales[1], ==, "pt_BR");
  g_assert_cmpstr (locales[2], ==, "vi");
  g_clear_pointer (&locales, g_strfreev);

  /* NULL and "" both remove; removing what is not there is silent. */
  gloss_label_set_name_for_locale (label, "ar", NULL);
  g_assert_cmpuint (counts.names, ==, 5);
  gloss_label_set_name_for_locale (label, "pt_BR", "");
  g_assert_cmpuint (counts.names, ==, 6);
  gloss_label_set_name_for_locale (label, "pt_BR", NULL);
  gloss_label_set_name_for_locale (label, "de", "");
  g_assert_cmpuint (counts.names, ==, 6);

  g_assert_null (gloss_label_get_name_for_locale (label, "ar"));
  g_assert_null (gloss_label_get_name_for_locale (label, "pt_BR"));

  locales = gloss_label_dup_locales (label);
  g_assert_cmpuint (g_strv_length (locales), ==, 1);
  g_assert_cmpstr (locales[0], ==, "vi");

  /* Per-locale names do not touch the main name. */
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Principle");
  g_assert_cmpuint (counts.name, ==, 0);
}

static void
test_label_display_name (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("principle", "Principle", NULL, NULL, NULL);

  /* Nothing per locale: always the name. */
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR.UTF-8"), ==, "Principle");
  g_assert_cmpstr (gloss_label_get_display_name (label, "C"), ==, "Principle");
  g_assert_cmpstr (gloss_label_get_display_name (label, ""), ==, "Principle");

  /* Language only: pt_BR.UTF-8 → pt_BR (missing) → pt. */
  gloss_label_set_name_for_locale (label, "pt", "Princípio (pt)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR.UTF-8"), ==, "Princípio (pt)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR"), ==, "Princípio (pt)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_PT.UTF-8"), ==, "Princípio (pt)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt"), ==, "Princípio (pt)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt.UTF-8"), ==, "Princípio (pt)");

  /* Territory wins over language once it exists. */
  gloss_label_set_name_for_locale (label, "pt_BR", "Princípio (BR)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR.UTF-8"), ==, "Princípio (BR)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR"), ==, "Princípio (BR)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR@euro"), ==, "Princípio (BR)");
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_PT.UTF-8"), ==, "Princípio (pt)");

  /* Other languages fall back to the name. */
  g_assert_cmpstr (gloss_label_get_display_name (label, "vi_VN.UTF-8"), ==, "Principle");
  g_assert_cmpstr (gloss_label_get_display_name (label, "en_US"), ==, "Principle");
  /* "pt" must not match a language that merely starts with it. */
  g_assert_cmpstr (gloss_label_get_display_name (label, "ptx"), ==, "Principle");

  gloss_label_set_name_for_locale (label, "vi", "Nguyên tắc");
  g_assert_cmpstr (gloss_label_get_display_name (label, "vi_VN.UTF-8"), ==, "Nguyên tắc");

  /* Removing the territory name falls back to the language again. */
  gloss_label_set_name_for_locale (label, "pt_BR", NULL);
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR.UTF-8"), ==, "Princípio (pt)");
  gloss_label_set_name_for_locale (label, "pt", NULL);
  g_assert_cmpstr (gloss_label_get_display_name (label, "pt_BR.UTF-8"), ==, "Principle");

  /* The fallback follows the current name. */
  gloss_label_set_name (label, "Guiding principle");
  g_assert_cmpstr (gloss_label_get_display_name (label, "de_DE.UTF-8"), ==, "Guiding principle");
}

static void
test_label_display_name_modifier (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("principle", "Principle", NULL, NULL, NULL);

  /* Serbian has a Cyrillic and a Latin script told apart by the @latin
   * modifier; a name stored for exactly the locale asked for must be found
   * (as g_get_language_names() would list "sr@latin" for the NULL case). */
  gloss_label_set_name_for_locale (label, "sr", "Начело");
  gloss_label_set_name_for_locale (label, "sr@latin", "Načelo");

  g_assert_cmpstr (gloss_label_get_display_name (label, "sr_RS.UTF-8"), ==, "Начело");
  g_assert_cmpstr (gloss_label_get_display_name (label, "sr@latin"), ==, "Načelo");
  g_assert_cmpstr (gloss_label_get_display_name (label, "sr_RS.UTF-8@latin"), ==, "Načelo");
}

static void
test_label_display_name_current_locale (void)
{
  g_autoptr(GlossLabel) label = gloss_label_new ("task", "Task", NULL, NULL, NULL);
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  gloss_label_set_name_for_locale (label, "vi", "Nhiệm vụ");
  gloss_label_set_name_for_locale (label, "pt", "Tarefa");

  /* GLib reads LANGUAGE first, and lists vi_VN then vi for "vi_VN". */
  g_setenv ("LANGUAGE", "vi_VN:pt_BR", TRUE);
  g_assert_cmpstr (gloss_label_get_display_name (label, NULL), ==, "Nhiệm vụ");

  g_setenv ("LANGUAGE", "pt_BR:vi", TRUE);
  g_assert_cmpstr (gloss_label_get_display_name (label, NULL), ==, "Tarefa");

  g_setenv ("LANGUAGE", "de_DE:fr", TRUE);
  g_assert_cmpstr (gloss_label_get_display_name (label, NULL), ==, "Task");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_label_id_is_valid (void)
{
  g_autofree char *max = g_strnfill (64, 'a');
  g_autofree char *too_long = g_strnfill (65, 'a');

  g_assert_true (gloss_label_id_is_valid ("principle"));
  g_assert_true (gloss_label_id_is_valid ("a"));
  g_assert_true (gloss_label_id_is_valid ("9"));
  g_assert_true (gloss_label_id_is_valid ("B-ORG"));
  g_assert_true (gloss_label_id_is_valid ("a_b-c.d:e"));
  g_assert_true (gloss_label_id_is_valid ("_"));
  g_assert_true (gloss_label_id_is_valid (":"));
  g_assert_true (gloss_label_id_is_valid ("ABCxyz0123456789"));
  g_assert_true (gloss_label_id_is_valid (max));

  g_assert_false (gloss_label_id_is_valid (NULL));
  g_assert_false (gloss_label_id_is_valid (""));
  g_assert_false (gloss_label_id_is_valid (too_long));
  g_assert_false (gloss_label_id_is_valid ("two words"));
  g_assert_false (gloss_label_id_is_valid (" principle"));
  g_assert_false (gloss_label_id_is_valid ("principle "));
  g_assert_false (gloss_label_id_is_valid ("tab\there"));
  g_assert_false (gloss_label_id_is_valid ("a/b"));
  g_assert_false (gloss_label_id_is_valid ("a,b"));
  g_assert_false (gloss_label_id_is_valid ("a\"b"));
  g_assert_false (gloss_label_id_is_valid ("nguyên"));
  g_assert_false (gloss_label_id_is_valid ("é"));
  g_assert_false (gloss_label_id_is_valid ("مبدأ"));
  g_assert_false (gloss_label_id_is_valid ("a\nb"));
}

static void
test_label_color_is_valid (void)
{
  g_assert_true (gloss_label_color_is_valid ("#3584e4"));
  g_assert_true (gloss_label_color_is_valid ("#000000"));
  g_assert_true (gloss_label_color_is_valid ("#FFFFFF"));
  g_assert_true (gloss_label_color_is_valid ("#aBcDeF"));

  g_assert_false (gloss_label_color_is_valid (NULL));
  g_assert_false (gloss_label_color_is_valid (""));
  g_assert_false (gloss_label_color_is_valid ("#"));
  g_assert_false (gloss_label_color_is_valid ("3584e4"));
  g_assert_false (gloss_label_color_is_valid ("#3584e"));
  g_assert_false (gloss_label_color_is_valid ("#3584e4f"));
  g_assert_false (gloss_label_color_is_valid ("#3584e4ff"));
  g_assert_false (gloss_label_color_is_valid ("#fff"));
  g_assert_false (gloss_label_color_is_valid ("#abcdeg"));
  g_assert_false (gloss_label_color_is_valid ("#12 456"));
  g_assert_false (gloss_label_color_is_valid ("##12345"));
  g_assert_false (gloss_label_color_is_valid ("red"));
  g_assert_false (gloss_label_color_is_valid ("rgb(1,2,3)"));
  g_assert_false (gloss_label_color_is_valid (" #3584e4"));
}

static void
test_label_key_is_valid (void)
{
  g_assert_true (gloss_label_key_is_valid ("1"));
  g_assert_true (gloss_label_key_is_valid ("a"));
  g_assert_true (gloss_label_key_is_valid ("Z"));
  g_assert_true (gloss_label_key_is_valid ("-"));
  g_assert_true (gloss_label_key_is_valid ("é"));
  g_assert_true (gloss_label_key_is_valid ("ư"));
  g_assert_true (gloss_label_key_is_valid ("ب"));
  g_assert_true (gloss_label_key_is_valid ("👍"));

  g_assert_false (gloss_label_key_is_valid (NULL));
  g_assert_false (gloss_label_key_is_valid (""));
  g_assert_false (gloss_label_key_is_valid ("12"));
  g_assert_false (gloss_label_key_is_valid ("ab"));
  g_assert_false (gloss_label_key_is_valid (" "));
  g_assert_false (gloss_label_key_is_valid ("\t"));
  g_assert_false (gloss_label_key_is_valid ("\n"));
  g_assert_false (gloss_label_key_is_valid ("\xc2\xa0"));   /* no-break space */
  g_assert_false (gloss_label_key_is_valid ("\xe2\x80\x8b")); /* zero-width space */
  g_assert_false (gloss_label_key_is_valid ("e\xcc\x81"));  /* e + combining acute */
  g_assert_false (gloss_label_key_is_valid ("\xff"));       /* not UTF-8 */
  g_assert_false (gloss_label_key_is_valid ("\xc3"));       /* truncated UTF-8 */
  g_assert_false (gloss_label_key_is_valid ("1 "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/label/new-defaults", test_label_new_defaults);
  g_test_add_func ("/gloss/core/label/new-full", test_label_new_full);
  g_test_add_func ("/gloss/core/label/notify", test_label_notify);
  g_test_add_func ("/gloss/core/label/notify-g-object-set", test_label_notify_g_object_set);
  g_test_add_func ("/gloss/core/label/invalid-setters", test_label_invalid_setters);
  g_test_add_func ("/gloss/core/label/locales", test_label_locales);
  g_test_add_func ("/gloss/core/label/display-name", test_label_display_name);
  g_test_add_func ("/gloss/core/label/display-name-current-locale",
                   test_label_display_name_current_locale);
  g_test_add_func ("/gloss/core/label/id-is-valid", test_label_id_is_valid);
  g_test_add_func ("/gloss/core/label/color-is-valid", test_label_color_is_valid);
  g_test_add_func ("/gloss/core/label/key-is-valid", test_label_key_is_valid);
  g_test_add_func ("/gloss/core/label/display-name-modifier", test_label_display_name_modifier);

  return g_test_run ();
}
