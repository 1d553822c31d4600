/* test-cli.c: gloss-cli run as a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss.h"

#define FIXTURE_PROVINCES "vn-provinces.txt"
#define FIXTURE_ARTICLE   "vna-diplomacy-80th.txt"

typedef struct
{
  char *tmpdir;
} Fixture;

typedef struct
{
  const char *command;
  const char *usage;
  const char *option;
} HelpCase;

static const HelpCase help_cases[] = {
  { "import", "Usage:\n  gloss-cli import [OPTION…] INPUT… -o CORPUS\n", "--output=FILE" },
  { "validate", "Usage:\n  gloss-cli validate [OPTION…] CORPUS…\n", "--quiet" },
  { "stats", "Usage:\n  gloss-cli stats [OPTION…] CORPUS\n", "--json" },
  { "agree", "Usage:\n  gloss-cli agree [OPTION…] CORPUS CORPUS…\n", "--by-label" },
};

/* Helpers */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = g_dir_make_tmp ("gloss-cli-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->tmpdir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->tmpdir);
  g_assert_false (g_file_test (f->tmpdir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&f->tmpdir, g_free);
}

static char *
tmp_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->tmpdir, name, NULL);
}

/* The shared fixtures folder, or %NULL after marking the test skipped. */
static const char *
shared_fixtures (void)
{
  const char *dir = g_getenv ("GLOSS_SHARED_FIXTURES");
  g_autofree char *provinces = NULL;
  g_autofree char *article = NULL;

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("GLOSS_SHARED_FIXTURES is not set");
      return NULL;
    }

  provinces = g_build_filename (dir, FIXTURE_PROVINCES, NULL);
  article = g_build_filename (dir, FIXTURE_ARTICLE, NULL);
  if (!g_file_test (provinces, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (article, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the shared fixtures are missing");
      return NULL;
    }

  return dir;
}

static char *
shared_fixture_path (const char *dir,
                     const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (f, name);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Copies tests/data/cli/@name into the test's folder, so that the CLI can be
 * run there on a short relative name. */
static void
copy_data (Fixture    *f,
           const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_file (source, &length);
  write_file (f, name, contents, length);
}

static void
assert_file_absent (Fixture    *f,
                    const char *name)
{
  g_autofree char *path = tmp_path (f, name);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_test_message ("%s exists, but nothing should have been written", path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
assert_file_contents (Fixture    *f,
                      const char *name,
                      const char *expected)
{
  g_autofree char *path = tmp_path (f, name);
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_file (path, &length);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static char **
child_environment (void)
{
  char **env = g_get_environ ();

  /* English messages whatever the machine's locale. */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");

  return env;
}

/* Runs gloss-cli in the test's folder with @env and the arguments and
 * returns its exit code (128 + the signal if it was killed). */
static int
run_cli_valist (Fixture     *f,
                char       **env,
                char       **out,
                char       **err,
                const char  *first,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  const char *cli = g_getenv ("GLOSS_CLI");
  const char *arg;
  int wait_status = 0;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (gpointer)cli);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->tmpdir, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out_text, &err_text, &wait_status, &error);
  g_assert_no_error (error);

  g_test_message ("stdout:\n%s", out_text);
  g_test_message ("stderr:\n%s", err_text);

  if (out != NULL)
    *out = g_steal_pointer (&out_text);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);

  if (g_spawn_check_wait_status (wait_status, NULL))
    return 0;
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  if (WIFSIGNALED (wait_status))
    return 128 + WTERMSIG (wait_status);

  g_assert_not_reached ();
}

/* Runs gloss-cli in English with the NULL-terminated arguments. */
static int run_cli (Fixture     *f,
                    char       **out,
                    char       **err,
                    const char  *first,
                    ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_auto(GStrv) env = child_environment ();
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_valist (f, env, out, err, first, args);
  va_end (args);

  return status;
}

/* Runs gloss-cli with @env instead of the English environment. */
static int run_cli_with_env (Fixture     *f,
                             char       **env,
                             char       **out,
                             char       **err,
                             const char  *first,
                             ...) G_GNUC_NULL_TERMINATED;

static int
run_cli_with_env (Fixture     *f,
                  char       **env,
                  char       **out,
                  char       **err,
                  const char  *first,
                  ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_valist (f, env, out, err, first, args);
  va_end (args);

  return status;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* Loads a corpus that must have neither errors nor warnings. */
static GlossCorpus *
load_clean_corpus (Fixture    *f,
                   const char *name)
{
  g_autofree char *path = tmp_path (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossCorpus *corpus;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);

  return corpus;
}

/* The text a fixture becomes once imported, and its first line. */
static char *
fixture_text (const char  *dir,
              const char  *name,
              char       **first_line)
{
  g_autofree char *path = shared_fixture_path (dir, name);
  g_autofree char *contents = NULL;
  char *text;
  gsize length;

  contents = read_file (path, &length);
  text = gloss_text_normalize_newlines (contents, length, NULL);

  if (first_line != NULL)
    *first_line = g_strndup (text, strcspn (text, "\n"));

  return text;
}

static void
assert_fixture_document (GlossDocument *document,
                         const char    *dir,
                         const char    *name,
                         const char    *id)
{
  g_autofree char *first_line = NULL;
  g_autofree char *text = fixture_text (dir, name, &first_line);

  g_assert_cmpstr (gloss_document_get_id (document), ==, id);
  g_assert_cmpstr (gloss_document_get_text (document), ==, text);
  g_assert_cmpstr (gloss_document_get_title (document), ==, first_line);
  g_assert_cmpstr (gloss_document_get_source (document), ==, name);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
}

static JsonObject *
parse_json_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/* A corpus whose one error comes after 100 warnings (unknown members). */
static void
write_many_warnings_corpus (Fixture    *f,
                            const char *name)
{
  g_autoptr(GString) json = g_string_new ("{\n  \"format\": \"gloss-corpus\",\n  \"version\": 1");

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json, ",\n  \"extra%03u\": %u", i, i);
  g_string_append (json, "\n}\n");

  write_file (f, name, json->str, json->len);
}

/* Help and usage errors */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const aliases[] = { "--help", "-h", "help" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage:\n  gloss-cli COMMAND [OPTION…]\n"));
  g_assert_nonnull (strstr (out, "\nCommands:\n"));
  g_assert_nonnull (strstr (out, "\n  import     Make a corpus of text files or other formats\n"));
  g_assert_nonnull (strstr (out, "\n  export     Write a corpus as training data (doccano, spaCy, CoNLL, brat, W3C)\n"));
  g_assert_nonnull (strstr (out, "\n  validate   Check corpora and report every problem\n"));
  g_assert_nonnull (strstr (out, "\n  stats      Count documents and spans per label\n"));
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autofree char *alias_out = NULL;
      g_autofree char *alias_err = NULL;

      g_assert_cmpint (run_cli (f, &alias_out, &alias_err, aliases[i], NULL), ==, 0);
      g_assert_cmpstr (alias_out, ==, out);
      g_assert_cmpstr (alias_err, ==, "");
    }
}

/* The translation of @msgid in @language as the catalogues the build made
 * have it, asked of gettext(1) so that this process's locale is untouched. */
static char *
translate (const char *language,
           const char *msgid)
{
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");
  const char *argv[] = { "gettext", "-d", GETTEXT_PACKAGE, "--", msgid, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_nonnull (localedir);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "TEXTDOMAINDIR", localedir, TRUE);

  g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

/* `LANGUAGE=xx gloss-cli --help` in a language Gloss ships: every line is
 * translated. Run once with no locale variables at all (a bare machine) and
 * once with a UTF-8 locale, as on a desktop. */
static void
test_help_translated (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const msgids[] = {
    "Usage:",
    "Commands:",
    "Make a corpus of text files or other formats",
    "Write a corpus as training data (doccano, spaCy, CoNLL, brat, W3C)",
    "Check corpora and report every problem",
    "Count documents and spans per label",
  };
  const char *language = data;

  for (guint bare = 0; bare < 2; bare++)
    {
      g_auto(GStrv) env = g_get_environ ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      env = g_environ_unsetenv (env, "LC_ALL");
      env = g_environ_unsetenv (env, "LC_MESSAGES");
      env = g_environ_unsetenv (env, "LANG");
      if (!bare)
        env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
      env = g_environ_setenv (env, "LANGUAGE", language, TRUE);

      g_assert_cmpint (run_cli_with_env (f, env, &out, &err, "--help", NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");

      for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
        {
          g_autofree char *translated = translate (language, msgids[i]);

          g_test_message ("%s: “%s” → “%s”", language, msgids[i], translated);
          g_assert_cmpstr (translated, !=, msgids[i]);
          g_assert_nonnull (strstr (out, translated));
          g_assert_null (strstr (out, msgids[i]));
        }
    }
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "gloss-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_command_help (Fixture       *f,
                   gconstpointer  data)
{
  const HelpCase *help = data;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *usage = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, help->command, "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Usage:\n  gloss-cli "));
  g_assert_nonnull (strstr (out, help->option));
  g_assert_nonnull (strstr (out, "-h, --help"));

  /* The whole usage line, so that every parameter is named once. */
  usage = g_strndup (out, strlen (help->usage));
  g_assert_cmpstr (usage, ==, help->usage);
}

static void
test_no_arguments (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *help = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, NULL, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");

  /* The same usage as --help, on stderr. */
  g_assert_cmpint (run_cli (f, &help, NULL, "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, help);
}

static void
test_unknown_command (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "frobnicate", "x.txt", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: unknown command “frobnicate”\n\nUsage:\n"));
  g_assert_nonnull (strstr (err, "\n  import "));
}

static void
test_unknown_option (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const commands[] = { "import", "validate", "stats", "agree" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *hint = g_strdup_printf ("\nRun “gloss-cli %s --help” for the options.\n",
                                               commands[i]);

      g_assert_cmpint (run_cli (f, &out, &err, commands[i], "--no-such-option", "x", NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "gloss-cli: "));
      g_assert_nonnull (strstr (err, "--no-such-option"));
      g_assert_true (g_str_has_suffix (err, hint));
      g_assert_cmpuint (count_lines (err), ==, 2);
    }
}

/* import */

static void
test_import_folder (Fixture       *f,
                    gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *provinces = NULL;
  g_autofree char *article = NULL;
  g_autofree char *characters = NULL;

  if (dir == NULL)
    return;

  g_assert_cmpint (run_cli (f, &out, &err, "import", dir, "-o", "out.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "Imported 2 documents into out.gloss.json\n");

  corpus = load_clean_corpus (f, "out.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  /* "vn-" sorts before "vna" in byte order. */
  assert_fixture_document (gloss_corpus_get_document (corpus, 0), dir, FIXTURE_PROVINCES, "vn-provinces");
  assert_fixture_document (gloss_corpus_get_document (corpus, 1), dir, FIXTURE_ARTICLE, "vna-diplomacy-80th");
  g_assert_cmpstr (gloss_document_get_title (gloss_corpus_get_document (corpus, 0)), ==, "Binh Duong");
  g_assert_cmpstr (gloss_document_get_title (gloss_corpus_get_document (corpus, 1)), ==,
                   "Diplomacy drives Vietnam’s partnerships and reputation");
  g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus)), ==, 3);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "validate", "out.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "out.gloss.json: OK\n");
  g_assert_cmpstr (err, ==, "");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &stats, &err, "stats", "out.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  provinces = fixture_text (dir, FIXTURE_PROVINCES, NULL);
  article = fixture_text (dir, FIXTURE_ARTICLE, NULL);
  characters = g_strdup_printf ("\nCharacters: %ld\n",
                                g_utf8_strlen (provinces, -1) + g_utf8_strlen (article, -1));
  g_assert_true (g_str_has_prefix (stats, "Documents: 2\nSpans: 0\n"));
  g_assert_nonnull (strstr (stats, characters));
}

static void
test_import_files (Fixture       *f,
                   gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GlossCorpus) reversed = NULL;
  g_autofree char *provinces = NULL;
  g_autofree char *article = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (dir == NULL)
    return;

  provinces = shared_fixture_path (dir, FIXTURE_PROVINCES);
  article = shared_fixture_path (dir, FIXTURE_ARTICLE);

  g_assert_cmpint (run_cli (f, &out, &err, "import", provinces, article, "-o", "out.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "Imported 2 documents into out.gloss.json\n");

  corpus = load_clean_corpus (f, "out.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  assert_fixture_document (gloss_corpus_get_document (corpus, 0), dir, FIXTURE_PROVINCES, "vn-provinces");
  assert_fixture_document (gloss_corpus_get_document (corpus, 1), dir, FIXTURE_ARTICLE, "vna-diplomacy-80th");

  /* Files named one by one keep the order they were given in. */
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", article, provinces, "-o", "reversed.gloss.json", NULL), ==, 0);
  reversed = load_clean_corpus (f, "reversed.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (reversed), ==, 2);
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (reversed, 0)), ==, "vna-diplomacy-80th");
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (reversed, 1)), ==, "vn-provinces");
}

static void
test_import_single_file (Fixture       *f,
                         gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *provinces = NULL;
  g_autofree char *err = NULL;

  if (dir == NULL)
    return;

  provinces = shared_fixture_path (dir, FIXTURE_PROVINCES);
  g_assert_cmpint (run_cli (f, NULL, &err, "import", "--from", "text", provinces, "-o", "one.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "Imported 1 document into one.gloss.json\n");

  corpus = load_clean_corpus (f, "one.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
  assert_fixture_document (gloss_corpus_get_document (corpus, 0), dir, FIXTURE_PROVINCES, "vn-provinces");
}

static void
test_import_duplicate_names (Fixture       *f,
                             gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *provinces = NULL;

  if (dir == NULL)
    return;

  provinces = shared_fixture_path (dir, FIXTURE_PROVINCES);
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", dir, provinces, "-o", "out.gloss.json", NULL), ==, 0);

  corpus = load_clean_corpus (f, "out.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 3);
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 0)), ==, "vn-provinces");
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 1)), ==, "vna-diplomacy-80th");
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 2)), ==, "vn-provinces-2");
}

static void
test_import_title_file_name (Fixture       *f,
                             gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *err = NULL;

  if (dir == NULL)
    return;

  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--title", "file-name", dir, "-o", "out.gloss.json", NULL), ==, 0);
  corpus = load_clean_corpus (f, "out.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  g_assert_cmpstr (gloss_document_get_title (gloss_corpus_get_document (corpus, 0)), ==, "vn-provinces");
  g_assert_cmpstr (gloss_document_get_title (gloss_corpus_get_document (corpus, 1)), ==, "vna-diplomacy-80th");

  g_assert_cmpint (run_cli (f, NULL, &err, "import", "--title", "headline", dir, "-o", "bad.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "gloss-cli: --title takes “first-line” or “file-name”, not “headline”\n");
  assert_file_absent (f, "bad.gloss.json");
}

static void
test_import_lang (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;

  if (dir == NULL)
    return;

  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--lang", "vi", dir, "-o", "out.gloss.json", NULL), ==, 0);
  corpus = load_clean_corpus (f, "out.gloss.json");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    g_assert_cmpstr (gloss_document_get_lang (gloss_corpus_get_document (corpus, i)), ==, "vi");
}

static void
test_import_stdout (Fixture       *f,
                    gconstpointer  data)
{
  const char *dir = shared_fixtures ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *saved_path = NULL;
  g_autofree char *saved = NULL;
  gsize saved_length;

  if (dir == NULL)
    return;

  g_assert_cmpint (run_cli (f, &out, &err, "import", dir, "-o", "-", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_file_absent (f, "-");

  bytes = g_bytes_new (out, strlen (out));
  corpus = gloss_corpus_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 0)), ==, "vn-provinces");
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 1)), ==, "vna-diplomacy-80th");

  /* Standard output gets the very bytes a file would. */
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", dir, "-o", "out.gloss.json", NULL), ==, 0);
  saved_path = tmp_path (f, "out.gloss.json");
  saved = read_file (saved_path, &saved_length);
  g_assert_cmpmem (out, strlen (out), saved, saved_length);
}

/* "👩ab" declaring utf16, its span 2–3: "a" in UTF-16 units, "b" in code
 * points. Without --offsets the line's unit is read quietly; an --offsets
 * that differs wins, and says so once a file. */
static void
test_import_offsets_given (Fixture       *f,
                           gconstpointer  data)
{
  static const struct {
    const char *offsets;   /* NULL: no --offsets */
    guint       start;
    gboolean    warned;
  } cases[] = {
    { NULL, 1, FALSE },
    { "utf16", 1, FALSE },
    { "codepoint", 2, TRUE },
  };

  write_file (f, "in.jsonl",
              "{\"id\": \"d1\", \"text\": \"👩ab\", \"label\": [[2, 3, \"task\"]], \"meta\": {\"offset_unit\": \"utf16\"}}\n"
              "{\"id\": \"d2\", \"text\": \"👩ab\", \"label\": [[2, 3, \"task\"]], \"meta\": {\"offset_unit\": \"utf16\"}}\n",
              -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossCorpus) corpus = NULL;
      g_autofree char *err = NULL;
      int status;

      if (cases[i].offsets != NULL)
        status = run_cli (f, NULL, &err, "import", "--from", "doccano", "--offsets", cases[i].offsets,
                          "in.jsonl", "-o", "out.gloss.json", NULL);
      else
        status = run_cli (f, NULL, &err, "import", "--from", "doccano", "in.jsonl", "-o", "out.gloss.json", NULL);
      g_assert_cmpint (status, ==, 0);

      g_assert_true (g_str_has_suffix (err, "Imported 2 documents into out.gloss.json\n"));
      g_assert_cmpuint (count_lines (err), ==, cases[i].warned ? 2 : 1);
      if (cases[i].warned)
        g_assert_nonnull (strstr (err, "in.jsonl:1: warning: the lines declare their offsets in utf16 "
                                       "(meta “offset_unit”), but the import was told codepoint"));

      corpus = load_clean_corpus (f, "out.gloss.json");
      for (guint j = 0; j < 2; j++)
        {
          GlossSpan *span = gloss_document_get_span (gloss_corpus_get_document (corpus, j), 0);

          g_assert_cmpuint (gloss_span_get_start (span), ==, cases[i].start);
          g_assert_cmpuint (gloss_span_get_end (span), ==, cases[i].start + 1);
        }
    }
}

static void
test_import_unknown_format (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (f, "a.txt", "Xin chào\n", -1);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "--from", "word", "a.txt", "-o", "out.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "gloss-cli: unknown input format “word” (supported: text, doccano, spacy, brat, gloss)\n");
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_missing_output (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (f, "a.txt", "Xin chào\n", -1);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "a.txt", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "gloss-cli: no output file; give one with -o CORPUS\n");
}

static void
test_import_no_inputs (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "import", "-o", "out.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "gloss-cli: no input files; give one or more files or folders\n");
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_output_is_input (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *input = tmp_path (f, "a.txt");
  g_autofree char *expected = NULL;

  write_file (f, "a.txt", "Xin chào\n", -1);

  /* The same file spelled two ways. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "./a.txt", "-o", input, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("gloss-cli: %s: the output would overwrite an input\n", input);
  g_assert_cmpstr (err, ==, expected);
  assert_file_contents (f, "a.txt", "Xin chào\n");
}

static void
test_import_output_in_input_folder (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *folder = tmp_path (f, "texts");
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (f, "texts/a.txt", "Một\n", -1);
  write_file (f, "texts/b.txt", "Hai\n", -1);

  /* texts/b.txt is an input through its folder: overwriting it loses it. */
  g_assert_cmpint (run_cli (f, NULL, &err, "import", "texts", "-o", "texts/b.txt", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "gloss-cli: "));
  g_assert_nonnull (strstr (err, "the output would overwrite an input"));
  assert_file_contents (f, "texts/b.txt", "Hai\n");
}

static void
test_import_invalid_utf8 (Fixture       *f,
                          gconstpointer  data)
{
  /* "Việt\nab", then a byte that starts no UTF-8 sequence: byte offset 9,
   * line 2, column 3. */
  static const char bad[] = "Vi\xe1\xbb\x87t\nab\xff" "cd\n";
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;

  write_file (f, "bad.txt", bad, sizeof bad - 1);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "bad.txt", "-o", "out.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  /* The whole path: two folders may hold a bad.txt each. */
  prefix = g_strdup_printf ("gloss-cli: %s/bad.txt: line 2, column 3: ", f->tmpdir);
  g_assert_true (g_str_has_prefix (err, prefix));
  g_assert_nonnull (strstr (err, "invalid UTF-8 at byte offset 9"));
  g_assert_cmpuint (count_lines (err), ==, 1);
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_nul_byte (Fixture       *f,
                      gconstpointer  data)
{
  static const char binary[] = "PK\x03\x04\0\0";
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;

  write_file (f, "archive.txt", binary, sizeof binary - 1);

  g_assert_cmpint (run_cli (f, NULL, &err, "import", "archive.txt", "-o", "out.gloss.json", NULL), ==, 1);
  prefix = g_strdup_printf ("gloss-cli: %s/archive.txt: line 1, column 5: ", f->tmpdir);
  g_assert_true (g_str_has_prefix (err, prefix));
  g_assert_nonnull (strstr (err, "NUL byte at byte offset 4"));
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  static const char bad[] = "caf\xe9\n";
  g_autofree char *err = NULL;

  write_file (f, "a-good.txt", "Tốt\n", -1);
  write_file (f, "b-bad.txt", bad, sizeof bad - 1);

  g_assert_cmpint (run_cli (f, NULL, &err, "import", "a-good.txt", "b-bad.txt", "-o", "out.gloss.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "b-bad.txt"));
  g_assert_nonnull (strstr (err, "byte offset 3"));
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_empty_folder (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *folder = tmp_path (f, "empty");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (f, "empty/notes.md", "# Not a text file\n", -1);

  g_assert_cmpint (run_cli (f, &out, &err, "import", folder, "-o", "out.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("gloss-cli: %s: the folder has no .txt files\n", folder);
  g_assert_cmpstr (err, ==, expected);
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_missing_input (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, NULL, &err, "import", "no-such-file.txt", "-o", "out.gloss.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "gloss-cli: "));
  g_assert_nonnull (strstr (err, "no-such-file.txt"));
  assert_file_absent (f, "out.gloss.json");
}

static void
test_import_keeps_existing_output (Fixture       *f,
                                   gconstpointer  data)
{
  static const char bad[] = "\xc3\x28\n";
  static const char precious[] = "{ \"precious\": \"keep me, byte for byte\" }\n";

  g_autofree char *folder = tmp_path (f, "no-txt-here");

  write_file (f, "bad.txt", bad, sizeof bad - 1);
  write_file (f, "out.gloss.json", precious, -1);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "bad.txt", "-o", "out.gloss.json", NULL), ==, 1);
  assert_file_contents (f, "out.gloss.json", precious);

  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "no-txt-here", "-o", "out.gloss.json", NULL), ==, 1);
  assert_file_contents (f, "out.gloss.json", precious);

  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "missing.txt", "-o", "out.gloss.json", NULL), ==, 1);
  assert_file_contents (f, "out.gloss.json", precious);

  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--from", "word", "bad.txt", "-o", "out.gloss.json", NULL), ==, 2);
  assert_file_contents (f, "out.gloss.json", precious);
}

static void
test_import_unwritable_output (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (f, "a.txt", "Xin chào\n", -1);

  g_assert_cmpint (run_cli (f, &out, &err, "import", "a.txt", "-o", "no-such-folder/out.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: "));
  g_assert_nonnull (strstr (err, "no-such-folder"));
  g_assert_null (strstr (err, "Imported"));
  assert_file_absent (f, "no-such-folder");
}

/* validate */

static void
test_validate_mixed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  copy_data (f, "small.gloss.json");
  copy_data (f, "end-past-text.gloss.json");
  copy_data (f, "malformed.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "validate",
                            "small.gloss.json", "end-past-text.gloss.json",
                            "malformed.gloss.json", "small.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "");

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "small.gloss.json: OK");
  g_assert_true (g_str_has_prefix (lines[1], "end-past-text.gloss.json: documents[0].spans[0].end: "));
  g_assert_nonnull (strstr (lines[1], "the end 9 is past the end of the document “short” (5 characters)"));
  g_assert_true (g_str_has_prefix (lines[2], "malformed.gloss.json: line 5, column "));
  g_assert_nonnull (strstr (lines[2], ": not valid JSON: "));
  g_assert_cmpstr (lines[3], ==, "small.gloss.json: OK");
  g_assert_cmpstr (lines[4], ==, "");
}

static void
test_validate_all_valid (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  copy_data (f, "small.gloss.json");
  copy_data (f, "split-emoji.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "validate", "-q", "small.gloss.json", "split-emoji.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "small.gloss.json: OK\nsplit-emoji.gloss.json: OK\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_missing_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  copy_data (f, "small.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "validate", "missing.gloss.json", "small.gloss.json", NULL), ==, 1);

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "missing.gloss.json: "));
  g_assert_nonnull (strstr (lines[0], "No such file or directory"));
  g_assert_cmpstr (lines[1], ==, "small.gloss.json: OK");
}

static void
test_validate_warnings (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *quiet = NULL;
  g_auto(GStrv) lines = NULL;

  copy_data (f, "split-emoji.gloss.json");

  /* The span ends between 👩 and the ZWJ that joins it to 💻. */
  g_assert_cmpint (run_cli (f, &out, &err, "validate", "split-emoji.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "split-emoji.gloss.json: documents[0].spans[0].end: warning: "));
  g_assert_nonnull (strstr (lines[0], "offset 1 splits a character cluster"));
  g_assert_cmpstr (lines[1], ==, "split-emoji.gloss.json: OK");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &quiet, &err, "validate", "-q", "split-emoji.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (quiet, ==, "split-emoji.gloss.json: OK\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_quiet_keeps_errors (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *out = NULL;

  copy_data (f, "end-past-text.gloss.json");

  g_assert_cmpint (run_cli (f, &out, NULL, "validate", "--quiet", "end-past-text.gloss.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "end-past-text.gloss.json: documents[0].spans[0].end: "));
  g_assert_cmpuint (count_lines (out), ==, 1);
}

static void
test_validate_invalid_utf8 (Fixture       *f,
                            gconstpointer  data)
{
  static const char bad[] = "{\n  \"format\": \"gloss-c\xf0rpus\"\n}\n";
  g_autofree char *out = NULL;

  write_file (f, "bad.gloss.json", bad, sizeof bad - 1);

  g_assert_cmpint (run_cli (f, &out, NULL, "validate", "bad.gloss.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "bad.gloss.json: line 2, column 21: "));
  g_assert_nonnull (strstr (out, "invalid UTF-8 (byte 0xf0 at byte offset 22)"));
  g_assert_cmpuint (count_lines (out), ==, 1);
}

static void
test_validate_no_corpus (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "validate", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "gloss-cli: no corpus given\n");
}

static void
test_validate_error_after_many_warnings (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean error_line = FALSE;

  write_many_warnings_corpus (f, "many.gloss.json");

  g_assert_cmpint (run_cli (f, &out, NULL, "validate", "many.gloss.json", NULL), ==, 1);

  /* The corpus is invalid for want of "schema"; whatever else is cut, the
   * reason must be printed. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strstr (lines[i], ": OK"));
      if (g_str_has_prefix (lines[i], "many.gloss.json: ") && strstr (lines[i], ": warning: ") == NULL)
        error_line = TRUE;
    }
  g_assert_true (error_line);
}

/* stats */

static const char small_stats_table[] =
  "Documents: 2\n"
  "Spans: 4\n"
  "Characters: 104\n"
  "\n"
  "Spans per label:\n"
  "  principle              3  Principle\n"
  "  task                   1  Task\n"
  "  pillar                 0  Pillar\n"
  "\n"
  "Per document:\n"
  "  ID                characters    spans  principle       task     pillar  title\n"
  "  doc-independence          77        3          2          1          0  Độc lập và tự chủ\n"
  "  doc-peace                 27        1          1          0          0  Hòa bình\n";

static void
test_stats_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  copy_data (f, "small.gloss.json");

  /* Characters are code points: 👩‍💻 counts 3, 🇻🇳 2, 🕊️ 2. */
  g_assert_cmpint (run_cli (f, &out, &err, "stats", "small.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, small_stats_table);
  g_assert_cmpstr (err, ==, "");
}

static void
assert_label_total (JsonArray  *labels,
                    guint       index,
                    const char *id,
                    const char *name,
                    gint64      spans)
{
  JsonObject *label = json_array_get_object_element (labels, index);

  g_assert_nonnull (label);
  g_assert_cmpuint (json_object_get_size (label), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (label, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (label, "name"), ==, name);
  g_assert_cmpint (json_object_get_int_member (label, "spans"), ==, spans);
}

static void
assert_document_stats (JsonArray  *per_document,
                       guint       index,
                       const char *id,
                       const char *title,
                       gint64      characters,
                       gint64      spans,
                       gint64      principle,
                       gint64      task,
                       gint64      pillar)
{
  JsonObject *document = json_array_get_object_element (per_document, index);
  JsonObject *labels;

  g_assert_nonnull (document);
  g_assert_cmpuint (json_object_get_size (document), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (document, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, title);
  g_assert_cmpint (json_object_get_int_member (document, "characters"), ==, characters);
  g_assert_cmpint (json_object_get_int_member (document, "spans"), ==, spans);

  labels = json_object_get_object_member (document, "labels");
  g_assert_nonnull (labels);
  g_assert_cmpuint (json_object_get_size (labels), ==, 3);
  g_assert_cmpint (json_object_get_int_member (labels, "principle"), ==, principle);
  g_assert_cmpint (json_object_get_int_member (labels, "task"), ==, task);
  g_assert_cmpint (json_object_get_int_member (labels, "pillar"), ==, pillar);
}

static void
test_stats_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *labels;
  JsonArray *per_document;

  copy_data (f, "small.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "stats", "--json", "small.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  root = parse_json_object (out);
  g_assert_cmpuint (json_object_get_size (root), ==, 5);
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "spans"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (root, "characters"), ==, 77 + 27);

  labels = json_object_get_array_member (root, "labels");
  g_assert_nonnull (labels);
  g_assert_cmpuint (json_array_get_length (labels), ==, 3);
  assert_label_total (labels, 0, "principle", "Principle", 3);
  assert_label_total (labels, 1, "task", "Task", 1);
  assert_label_total (labels, 2, "pillar", "Pillar", 0);

  per_document = json_object_get_array_member (root, "per_document");
  g_assert_nonnull (per_document);
  g_assert_cmpuint (json_array_get_length (per_document), ==, 2);
  assert_document_stats (per_document, 0, "doc-independence", "Độc lập và tự chủ", 77, 3, 2, 1, 0);
  assert_document_stats (per_document, 1, "doc-peace", "Hòa bình", 27, 1, 1, 0, 0);
}

static void
test_stats_empty_corpus (Fixture       *f,
                         gconstpointer  data)
{
  static const char empty[] =
    "{ \"format\": \"gloss-corpus\", \"version\": 1, \"offset_unit\": \"codepoint\",\n"
    "  \"schema\": { \"labels\": [ { \"id\": \"task\", \"name\": \"Nhiệm vụ\" } ] },\n"
    "  \"documents\": [] }\n";
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;

  write_file (f, "empty.gloss.json", empty, -1);

  g_assert_cmpint (run_cli (f, &out, NULL, "stats", "empty.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Documents: 0\n"
                   "Spans: 0\n"
                   "Characters: 0\n"
                   "\n"
                   "Spans per label:\n"
                   "  task                   0  Nhiệm vụ\n");

  g_assert_cmpint (run_cli (f, &json, NULL, "stats", "-j", "empty.gloss.json", NULL), ==, 0);
  root = parse_json_object (json);
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "characters"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "labels")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "per_document")), ==, 0);
}

/* The CSV tables come from the core's statistics, with the counts of the
 * table above. */
static void
test_stats_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *labels = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  copy_data (f, "small.gloss.json");

  g_assert_cmpint (run_cli (f, &labels, NULL, "stats", "--csv", "labels", "small.gloss.json", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (labels, "label,name,color,spans\r\nprinciple,Principle,#"));
  g_assert_nonnull (strstr (labels, ",3\r\ntask,Task,#"));
  g_assert_true (g_str_has_suffix (labels, ",0\r\n"));

  g_assert_cmpint (run_cli (f, &documents, NULL, "stats", "--csv=documents", "small.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (documents, ==,
                   "id,title,characters,done,spans,principle,task,pillar\r\n"
                   "doc-independence,Độc lập và tự chủ,77,false,3,2,1,0\r\n"
                   "doc-peace,Hòa bình,27,false,1,1,0,0\r\n");

  g_assert_cmpint (run_cli (f, &out, &err, "stats", "--csv", "spans", "small.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--csv takes “labels”, “documents” or “lengths”, not “spans”"));
}

static void
test_stats_malformed (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json_out = NULL;

  copy_data (f, "malformed.gloss.json");
  copy_data (f, "end-past-text.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "stats", "malformed.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: malformed.gloss.json: line 5, column "));
  g_assert_nonnull (strstr (err, "not valid JSON"));
  g_assert_cmpuint (count_lines (err), ==, 1);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &json_out, &err, "stats", "--json", "end-past-text.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (json_out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: end-past-text.gloss.json: documents[0].spans[0].end: "));
}

static void
test_stats_missing_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, &out, &err, "stats", "missing.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: missing.gloss.json: "));
}

static void
test_stats_two_corpora (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *none_err = NULL;

  copy_data (f, "small.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "stats", "small.gloss.json", "small.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "gloss-cli: give exactly one corpus\n");

  g_assert_cmpint (run_cli (f, NULL, &none_err, "stats", NULL), ==, 2);
  g_assert_cmpstr (none_err, ==, "gloss-cli: give exactly one corpus\n");
}

static void
test_stats_error_after_many_warnings (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_many_warnings_corpus (f, "many.gloss.json");

  g_assert_cmpint (run_cli (f, &out, &err, "stats", "many.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: many.gloss.json: "));
}

static void
test_annotate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GlossCorpus) before = NULL;
  g_autoptr(GlossCorpus) after = NULL;
  GlossDocument *document;

  copy_data (f, "small.gloss.json");
  write_file (f, "list.txt", "# principles\nTỰ CHỦ\tprinciple\nhợp tác\nnhiệm\n", -1);

  g_assert_cmpint (run_cli (f, &out, &err, "annotate", "--gazetteer", "list.txt", "--label", "task",
                            "--ignore-case", "small.gloss.json", "-o", "out.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "Added "));

  before = load_clean_corpus (f, "small.gloss.json");
  after = load_clean_corpus (f, "out.gloss.json");
  g_assert_cmpuint (gloss_corpus_count_spans (after), >, gloss_corpus_count_spans (before));
  document = gloss_corpus_lookup_document (after, "doc-independence");
  g_assert_nonnull (gloss_document_find_span (document, 11, 17, "principle"));
  g_assert_nonnull (gloss_document_find_span (document, 27, 33, "principle"));
}

static void
test_annotate_bad_list (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *err = NULL;

  copy_data (f, "small.gloss.json");
  write_file (f, "list.txt", "tự chủ\tthe principle\n", -1);

  g_assert_cmpint (run_cli (f, NULL, &err, "annotate", "--gazetteer", "list.txt",
                            "small.gloss.json", "-o", "out.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "gloss-cli: list.txt:1: “the principle” is not a label id "
                            "(1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”)\n");
  assert_file_absent (f, "out.gloss.json");
}

static void
test_annotate_unknown_label (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *err = NULL;

  copy_data (f, "small.gloss.json");
  write_file (f, "list.txt", "tự chủ\n", -1);

  g_assert_cmpint (run_cli (f, NULL, &err, "annotate", "--gazetteer", "list.txt", "--label", "LOC",
                            "small.gloss.json", "-o", "out.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "gloss-cli: The schema has no label “LOC”\n");
  assert_file_absent (f, "out.gloss.json");
}

static void
test_annotate_usage (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *no_output = NULL;

  copy_data (f, "small.gloss.json");

  g_assert_cmpint (run_cli (f, NULL, &err, "annotate", "small.gloss.json", "-o", "out.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "gloss-cli: no term list; give one with --gazetteer FILE\n");
  g_assert_cmpint (run_cli (f, NULL, &no_output, "annotate", "-g", "list.txt", "small.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (no_output, ==, "gloss-cli: no output file; give one with -o OUT\n");
  assert_file_absent (f, "out.gloss.json");
}

/* agree */

/* A corpus of the default labels holding @documents, a JSON array body. */
static void
write_agree_corpus (Fixture    *f,
                    const char *name,
                    const char *documents)
{
  g_autofree char *json = NULL;

  json = g_strdup_printf ("{ \"format\": \"gloss-corpus\", \"version\": 1, \"offset_unit\": \"codepoint\",\n"
                          "  \"schema\": { \"labels\": [ { \"id\": \"principle\", \"name\": \"Principle\" },\n"
                          "    { \"id\": \"task\", \"name\": \"Task\" }, { \"id\": \"pillar\", \"name\": \"Pillar\" } ] },\n"
                          "  \"documents\": [ %s ] }\n", documents);
  write_file (f, name, json, -1);
}

#define SPAN(start, end, label) "{ \"start\": " #start ", \"end\": " #end ", \"label\": \"" label "\" }"

/* Ten one-letter tokens, labelled as in tests/core/test-agreement.c, where
 * every score below is worked out by hand:
 *   token    a b c d e f g h i j
 *   A        P P T . P P P . I .
 *   B        P P T T . P P . T P
 *   C        P P T . P P . . I . */
#define TEN_TOKENS_DOCUMENT(spans) "{ \"id\": \"d\", \"text\": \"a b c d e f g h i j\", \"spans\": [ " spans " ] }"
#define AGREE_A TEN_TOKENS_DOCUMENT (SPAN (0, 3, "principle") ", " SPAN (4, 5, "task") ", " \
                                     SPAN (8, 13, "principle") ", " SPAN (16, 17, "pillar"))
#define AGREE_B TEN_TOKENS_DOCUMENT (SPAN (0, 3, "principle") ", " SPAN (4, 7, "task") ", " \
                                     SPAN (10, 13, "principle") ", " SPAN (16, 17, "task") ", " \
                                     SPAN (18, 19, "principle"))
#define AGREE_C TEN_TOKENS_DOCUMENT (SPAN (0, 3, "principle") ", " SPAN (4, 5, "task") ", " \
                                     SPAN (8, 11, "principle") ", " SPAN (16, 17, "pillar"))

static void
write_agree_corpora (Fixture *f)
{
  write_agree_corpus (f, "a.gloss.json", AGREE_A);
  write_agree_corpus (f, "b.gloss.json", AGREE_B);
  write_agree_corpus (f, "c.gloss.json", AGREE_C);
}

/* Besides the core test's values: per-label α, task or not: n 4 and 16,
 * 8 agreeing units: 1 − 19 × 4 / (400 − 16 − 256) = 0.406; pillar or not:
 * n 1 and 19, 9 agreeing units: 1 − 19 × 2 / (400 − 1 − 361) = 0. */
static const char agree_table[] =
  "Annotators:\n"
  "  A  a.gloss.json\n"
  "  B  b.gloss.json\n"
  "\n"
  "Documents compared: 1\n"
  "Tokens: 10\n"
  "\n"
  "Spans, exact match (recall counts the first annotator’s spans, precision the second’s):\n"
  "  pair  label        first  second  matched  precision  recall     F1\n"
  "  A–B   principle        2       3        1      0.333   0.500  0.400\n"
  "  A–B   task             1       2        0      0.000   0.000  0.000\n"
  "  A–B   pillar           1       0        0        n/a   0.000  0.000\n"
  "  A–B   all (micro)      4       5        1      0.200   0.250  0.222\n"
  "  A–B   all (macro)      4       5        1      0.111   0.167  0.133\n"
  "\n"
  "Tokens, each with the label of the shortest span over it, or none:\n"
  "  label       Cohen’s κ A–B  Krippendorff’s α\n"
  "  principle           0.600             0.620\n"
  "  task                0.412             0.406\n"
  "  pillar              0.000             0.000\n"
  "  all labels          0.394             0.411\n";

static void
test_agree_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *overall = NULL;

  write_agree_corpora (f);

  g_assert_cmpint (run_cli (f, &out, &err, "agree", "--by-label", "a.gloss.json", "b.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, agree_table);
  g_assert_cmpstr (err, ==, "");

  /* Without --by-label: only the rows over all labels. */
  g_assert_cmpint (run_cli (f, &overall, NULL, "agree", "a.gloss.json", "b.gloss.json", NULL), ==, 0);
  g_assert_null (strstr (overall, "principle"));
  g_assert_nonnull (strstr (overall, "\n  A–B   all (micro)      4       5        1      0.200   0.250  0.222\n"));
  g_assert_true (g_str_has_suffix (overall, "\n  all labels          0.394             0.411\n"));
}

/* Partial matching of A against B: 0-3/0-3, 4-5/4-7 and 8-13/10-13 match,
 * F1 = 2 × 3 / (4 + 5) = 0.667; B against C likewise. A against C: all
 * four. Cohen's κ of A and C, who differ at g only: po = 0.9, margins
 * (none, P, T, I) 3 5 1 1 and 4 4 1 1, pe = (12 + 20 + 1 + 1) / 100 = 0.34,
 * κ = 0.56 / 0.66 = 0.848; of B and C, who agree on a b c f h: po = 0.5,
 * margins 2 5 3 0 and 4 4 1 1, pe = (8 + 20 + 3) / 100 = 0.31,
 * κ = 0.19 / 0.69 = 0.275. Fleiss' κ = 49/99 = 0.495, α = 152/297 = 0.512. */
static void
test_agree_three (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_agree_corpora (f);

  g_assert_cmpint (run_cli (f, &out, &err, "agree", "--partial", "a.gloss.json", "b.gloss.json",
                            "c.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "\n  C  c.gloss.json\n"));
  g_assert_nonnull (strstr (out, "\nSpans, partial match "));
  g_assert_nonnull (strstr (out, "\n  A–B   all (micro)      4       5        3      0.600   0.750  0.667\n"));
  g_assert_nonnull (strstr (out, "\n  A–C   all (micro)      4       4        4      1.000   1.000  1.000\n"));
  g_assert_nonnull (strstr (out, "\n  B–C   all (micro)      5       4        3      0.750   0.600  0.667\n"));
  g_assert_nonnull (strstr (out, "  label       Cohen’s κ A–B  Cohen’s κ A–C  Cohen’s κ B–C  Fleiss’ κ  Krippendorff’s α\n"));
  g_assert_true (g_str_has_suffix (out, "\n  all labels          0.394          0.848          0.275      0.495             0.512\n"));
}

static double
json_score (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;

  return json_node_get_double (node);
}

static void
test_agree_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *spans;
  JsonObject *pair;
  JsonObject *micro;
  JsonObject *labels;
  JsonArray *cohen;

  write_agree_corpora (f);

  g_assert_cmpint (run_cli (f, &out, &err, "agree", "--json", "--by-label", "a.gloss.json", "b.gloss.json",
                            "c.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  root = parse_json_object (out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "annotators")), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "labels"), 2), ==, "pillar");
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "tokens"), ==, 10);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);

  spans = json_object_get_object_member (root, "spans");
  g_assert_cmpstr (json_object_get_string_member (spans, "match"), ==, "exact");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (spans, "pairs")), ==, 3);
  pair = json_array_get_object_element (json_object_get_array_member (spans, "pairs"), 0);
  g_assert_cmpstr (json_object_get_string_member (pair, "first"), ==, "a.gloss.json");
  g_assert_cmpstr (json_object_get_string_member (pair, "second"), ==, "b.gloss.json");
  micro = json_object_get_object_member (pair, "micro");
  g_assert_cmpint (json_object_get_int_member (micro, "matched"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_score (micro, "f1"), 2.0 / 9, 1e-12);
  labels = json_object_get_object_member (pair, "labels");
  g_assert_true (isnan (json_score (json_object_get_object_member (labels, "pillar"), "precision")));
  g_assert_cmpfloat_with_epsilon (json_score (json_object_get_object_member (labels, "principle"), "f1"), 0.4, 1e-12);

  cohen = json_object_get_array_member (root, "cohen_kappa");
  g_assert_cmpuint (json_array_get_length (cohen), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_score (json_array_get_object_element (cohen, 0), "all"), 13.0 / 33, 1e-12);
  labels = json_object_get_object_member (json_array_get_object_element (cohen, 0), "labels");
  g_assert_cmpfloat_with_epsilon (json_score (labels, "task"), 7.0 / 17, 1e-12);

  g_assert_cmpfloat_with_epsilon (json_score (json_object_get_object_member (root, "fleiss_kappa"), "all"),
                                  49.0 / 99, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_score (json_object_get_object_member (root, "krippendorff_alpha"), "all"),
                                  152.0 / 297, 1e-12);
}

/* No spans anywhere: κ and α are 0/0 and F1 too, printed as “n/a” (null in
 * JSON), which is not an error. */
static void
test_agree_no_spans (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;
  JsonObject *pair;

  write_agree_corpus (f, "a.gloss.json", TEN_TOKENS_DOCUMENT (""));
  write_agree_corpus (f, "b.gloss.json", TEN_TOKENS_DOCUMENT (""));

  g_assert_cmpint (run_cli (f, &out, &err, "agree", "a.gloss.json", "b.gloss.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "\n  A–B   all (micro)      0       0        0        n/a     n/a  n/a\n"));
  g_assert_true (g_str_has_suffix (out, "\n  all labels            n/a               n/a\n"));

  g_assert_cmpint (run_cli (f, &json, NULL, "agree", "-j", "a.gloss.json", "b.gloss.json", NULL), ==, 0);
  root = parse_json_object (json);
  pair = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (root, "spans"),
                                                                      "pairs"), 0);
  g_assert_true (isnan (json_score (json_object_get_object_member (pair, "macro"), "f1")));
  g_assert_true (isnan (json_score (json_object_get_object_member (root, "krippendorff_alpha"), "all")));
}

/* A document missing from one corpus, one with another text: both named
 * with the files on stderr and in the JSON, the rest still compared, and
 * the exit status 1. */
static void
test_agree_unaligned (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;
  JsonObject *problem;

  write_agree_corpus (f, "a.gloss.json",
                      AGREE_A ", { \"id\": \"bài-2\", \"text\": \"Hòa bình 🕊️\" },"
                      " { \"id\": \"שלום\", \"text\": \"שלום עולם\" }");
  write_agree_corpus (f, "b.gloss.json",
                      "{ \"id\": \"שלום\", \"text\": \"שלום, עולם\" }, " AGREE_B);

  g_assert_cmpint (run_cli (f, &out, &err, "agree", "a.gloss.json", "b.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (err, ==,
                   "gloss-cli: The document “bài-2” of a.gloss.json is missing from b.gloss.json\n"
                   "gloss-cli: The document “שלום” has another text in b.gloss.json than in a.gloss.json; "
                   "it is not compared\n");
  g_assert_nonnull (strstr (out, "\nDocuments compared: 1\nTokens: 10\n"));
  g_assert_true (g_str_has_suffix (out, "\n  all labels          0.394             0.411\n"));

  g_assert_cmpint (run_cli (f, &json, NULL, "agree", "--json", "a.gloss.json", "b.gloss.json", NULL), ==, 1);
  root = parse_json_object (json);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 2);
  problem = json_array_get_object_element (json_object_get_array_member (root, "problems"), 1);
  g_assert_cmpstr (json_object_get_string_member (problem, "kind"), ==, "text-differs");
  g_assert_cmpstr (json_object_get_string_member (problem, "document"), ==, "שלום");
  g_assert_cmpstr (json_object_get_string_member (problem, "file"), ==, "b.gloss.json");
  g_assert_cmpstr (json_object_get_string_member (problem, "reference"), ==, "a.gloss.json");
}

static void
test_agree_bad_input (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *one = NULL;

  write_agree_corpora (f);
  copy_data (f, "malformed.gloss.json");

  /* Every file that does not load is named, and nothing is printed. */
  g_assert_cmpint (run_cli (f, &out, &err, "agree", "a.gloss.json", "malformed.gloss.json",
                            "missing.gloss.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gloss-cli: malformed.gloss.json: line 5, column "));
  g_assert_nonnull (strstr (err, "\ngloss-cli: missing.gloss.json: "));
  g_assert_cmpuint (count_lines (err), ==, 2);

  g_assert_cmpint (run_cli (f, NULL, &one, "agree", "a.gloss.json", NULL), ==, 2);
  g_assert_cmpstr (one, ==, "gloss-cli: give two or more corpora\n");
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/gloss/cli/help", test_help);
  add_test ("/gloss/cli/version", test_version);
  g_test_add ("/gloss/cli/help/translated/vi", Fixture, "vi",
              fixture_set_up, test_help_translated, fixture_tear_down);
  g_test_add ("/gloss/cli/help/translated/ar", Fixture, "ar",
              fixture_set_up, test_help_translated, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (help_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/cli/help/%s", help_cases[i].command);

      g_test_add (path, Fixture, &help_cases[i], fixture_set_up, test_command_help, fixture_tear_down);
    }
  add_test ("/gloss/cli/usage/no-arguments", test_no_arguments);
  add_test ("/gloss/cli/usage/unknown-command", test_unknown_command);
  add_test ("/gloss/cli/usage/unknown-option", test_unknown_option);

  add_test ("/gloss/cli/import/folder", test_import_folder);
  add_test ("/gloss/cli/import/files", test_import_files);
  add_test ("/gloss/cli/import/single-file", test_import_single_file);
  add_test ("/gloss/cli/import/duplicate-names", test_import_duplicate_names);
  add_test ("/gloss/cli/import/title-file-name", test_import_title_file_name);
  add_test ("/gloss/cli/import/lang", test_import_lang);
  add_test ("/gloss/cli/import/stdout", test_import_stdout);
  add_test ("/gloss/cli/import/offsets-given", test_import_offsets_given);
  add_test ("/gloss/cli/import/unknown-format", test_import_unknown_format);
  add_test ("/gloss/cli/import/missing-output", test_import_missing_output);
  add_test ("/gloss/cli/import/no-inputs", test_import_no_inputs);
  add_test ("/gloss/cli/import/output-is-input", test_import_output_is_input);
  add_test ("/gloss/cli/import/output-in-input-folder", test_import_output_in_input_folder);
  add_test ("/gloss/cli/import/invalid-utf8", test_import_invalid_utf8);
  add_test ("/gloss/cli/import/nul-byte", test_import_nul_byte);
  add_test ("/gloss/cli/import/all-or-nothing", test_import_all_or_nothing);
  add_test ("/gloss/cli/import/empty-folder", test_import_empty_folder);
  add_test ("/gloss/cli/import/missing-input", test_import_missing_input);
  add_test ("/gloss/cli/import/keeps-existing-output", test_import_keeps_existing_output);
  add_test ("/gloss/cli/import/unwritable-output", test_import_unwritable_output);

  add_test ("/gloss/cli/validate/mixed", test_validate_mixed);
  add_test ("/gloss/cli/validate/all-valid", test_validate_all_valid);
  add_test ("/gloss/cli/validate/missing-file", test_validate_missing_file);
  add_test ("/gloss/cli/validate/warnings", test_validate_warnings);
  add_test ("/gloss/cli/validate/quiet-keeps-errors", test_validate_quiet_keeps_errors);
  add_test ("/gloss/cli/validate/invalid-utf8", test_validate_invalid_utf8);
  add_test ("/gloss/cli/validate/no-corpus", test_validate_no_corpus);
  add_test ("/gloss/cli/validate/error-after-many-warnings", test_validate_error_after_many_warnings);

  add_test ("/gloss/cli/stats/text", test_stats_text);
  add_test ("/gloss/cli/stats/json", test_stats_json);
  add_test ("/gloss/cli/stats/empty-corpus", test_stats_empty_corpus);
  add_test ("/gloss/cli/stats/csv", test_stats_csv);
  add_test ("/gloss/cli/stats/malformed", test_stats_malformed);
  add_test ("/gloss/cli/stats/missing-file", test_stats_missing_file);
  add_test ("/gloss/cli/stats/two-corpora", test_stats_two_corpora);
  add_test ("/gloss/cli/stats/error-after-many-warnings", test_stats_error_after_many_warnings);

  add_test ("/gloss/cli/annotate/labels", test_annotate);
  add_test ("/gloss/cli/annotate/bad-list", test_annotate_bad_list);
  add_test ("/gloss/cli/annotate/unknown-label", test_annotate_unknown_label);
  add_test ("/gloss/cli/annotate/usage", test_annotate_usage);

  add_test ("/gloss/cli/agree/text", test_agree_text);
  add_test ("/gloss/cli/agree/three", test_agree_three);
  add_test ("/gloss/cli/agree/json", test_agree_json);
  add_test ("/gloss/cli/agree/no-spans", test_agree_no_spans);
  add_test ("/gloss/cli/agree/unaligned", test_agree_unaligned);
  add_test ("/gloss/cli/agree/bad-input", test_agree_bad_input);

  return g_test_run ();
}
