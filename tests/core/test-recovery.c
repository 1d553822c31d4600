/* test-recovery.c: recovery copies and the autosave that keeps them
 *
 * Every test starts with no copies: XDG_STATE_HOME is a folder of this run
 * (set before GLib first reads it; subprocesses inherit it), emptied
 * between tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "format-test-util.h"

static char *state_home;

static char *
copy_path (const char *id)
{
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, ".gloss-recovery", NULL);

  return g_build_filename (dir, name, NULL);
}

static void
remove_if_present (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    format_test_remove_tree (path);
}

static void
empty_state_dir (void)
{
  g_autofree char *dir = gloss_recovery_get_dir ();

  remove_if_present (dir);
}

/* A corpus with every kind of text the format must carry, a label of its
 * own, a file and unsaved changes. */
static GlossCorpus *
make_corpus (void)
{
  GlossCorpus *corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossLabel) label = gloss_label_new ("place", "Địa danh", "#1c71d8", "4", NULL);
  g_autoptr(GlossSpan) span = gloss_span_new (0, 3, "place");
  g_autoptr(GFile) file = g_file_new_for_path ("/srv/corpora/Ngoại giao.gloss.json");

  g_assert_true (gloss_schema_add (gloss_corpus_get_schema (corpus), label, NULL));
  g_assert_true (gloss_document_add_span (gloss_corpus_get_document (corpus, 0), span, NULL));
  gloss_corpus_set_file (corpus, file);
  g_assert_true (gloss_corpus_get_dirty (corpus));

  return corpus;
}

static GlossRecovery *
find_copy (GPtrArray  *copies,
           const char *id)
{
  for (guint i = 0; i < copies->len; i++)
    if (g_str_equal (gloss_recovery_get_id (g_ptr_array_index (copies, i)), id))
      return g_ptr_array_index (copies, i);

  return NULL;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Runs the main loop for @msec, whatever happens meanwhile. */
static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *)data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
run_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The copy holds the corpus exactly, with where it belongs and when and by
 * whom it was written. */
static void
test_recovery_round_trip (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GlossRecovery) found = NULL;
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Ngoại giao 🇻🇳", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);

  found = gloss_recovery_lookup (id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_recovery_get_id (found), ==, id);
  g_assert_cmpstr (gloss_recovery_get_name (found), ==, "Ngoại giao 🇻🇳");
  g_assert_true (g_file_equal (gloss_recovery_get_file (found), gloss_corpus_get_file (corpus)));
  g_assert_cmpint (gloss_recovery_get_pid (found), ==, getpid ());
  g_assert_cmpuint (gloss_recovery_get_n_documents (found), ==, gloss_corpus_get_n_documents (corpus));
  g_assert_cmpuint (gloss_recovery_get_n_spans (found), ==, gloss_corpus_count_spans (corpus));
  g_assert_cmpint (ABS (g_date_time_difference (gloss_recovery_get_time (found), now)), <, 60 * G_USEC_PER_SEC);

  loaded = gloss_recovery_load (found, NULL, &error);
  g_assert_no_error (error);
  format_test_assert_same_corpus (corpus, loaded);
  g_assert_nonnull (gloss_schema_lookup (gloss_corpus_get_schema (loaded), "place"));
  g_assert_cmpstr (gloss_label_get_name (gloss_schema_lookup (gloss_corpus_get_schema (loaded), "place")), ==, "Địa danh");

  /* Restored work is unsaved, and saving it goes where it came from. */
  g_assert_true (gloss_corpus_get_dirty (loaded));
  g_assert_true (g_file_equal (gloss_corpus_get_file (loaded), gloss_corpus_get_file (corpus)));
}

/* A corpus never saved has no file, and its copy none either. */
static void
test_recovery_no_file (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) found = NULL;
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GError) error = NULL;

  empty_state_dir ();
  format_test_add_document (corpus, "d", "שלום עולם");
  g_clear_pointer (&found, gloss_recovery_unref);
  found = gloss_recovery_write (corpus, id, "New Corpus", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_recovery_get_file (found));

  loaded = gloss_recovery_load (found, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_corpus_get_file (loaded));
  g_assert_cmpstr (gloss_document_get_text (gloss_corpus_get_document (loaded, 0)), ==, "שלום עולם");
}

/* The state folder may not exist yet: it is made, private to the user. */
static void
test_recovery_missing_dir (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  remove_if_present (state_home);
  g_assert_false (g_file_test (state_home, G_FILE_TEST_EXISTS));

  copies = gloss_recovery_list (GLOSS_RECOVERY_ANY);
  g_assert_cmpuint (copies->len, ==, 0);

  written = gloss_recovery_write (corpus, id, "Corpus", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* A copy whose process still runs is that process's business, not a
 * crash's leftover. */
static void
test_recovery_running_not_listed (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Corpus", NULL, &error);
  g_assert_no_error (error);

  orphans = gloss_recovery_list (GLOSS_RECOVERY_ORPHANED);
  g_assert_cmpuint (orphans->len, ==, 0);
  all = gloss_recovery_list (GLOSS_RECOVERY_ANY);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_nonnull (find_copy (all, id));
}

/* Writes a copy in a process that then ends without removing it, as a
 * crash would; returns the copy's id. */
static char *
write_in_crashing_process (void)
{
  g_autofree char *id_path = g_build_filename (state_home, "child-id", NULL);
  char *id = NULL;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_assert_true (g_file_get_contents (id_path, &id, NULL, NULL));
  g_unlink (id_path);

  return id;
}

/* The child side of write_in_crashing_process(). */
static void
child_write_copy (const char *name)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autofree char *id_path = g_build_filename (state_home, "child-id", NULL);
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GError) error = NULL;

  written = gloss_recovery_write (corpus, id, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (id_path, id, -1, NULL));
}

static void
test_recovery_crashed_listed (void)
{
  g_autoptr(GlossCorpus) expected = NULL;
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  GlossRecovery *copy;

  if (g_test_subprocess ())
    {
      child_write_copy ("Khủng hoảng");
      return;
    }

  empty_state_dir ();
  id = write_in_crashing_process ();

  orphans = gloss_recovery_list (GLOSS_RECOVERY_ORPHANED);
  g_assert_cmpuint (orphans->len, ==, 1);
  copy = find_copy (orphans, id);
  g_assert_nonnull (copy);
  g_assert_cmpint (gloss_recovery_get_pid (copy), !=, getpid ());
  g_assert_cmpstr (gloss_recovery_get_name (copy), ==, "Khủng hoảng");

  expected = make_corpus ();
  loaded = gloss_recovery_load (copy, NULL, &error);
  g_assert_no_error (error);
  format_test_assert_same_corpus (expected, loaded);
}

/* Copies come newest first, however they are named. */
static void
test_recovery_newest_first (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GPtrArray) all = NULL;
  const char *names[] = { "First", "Second", "Third" };

  empty_state_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = gloss_recovery_make_id ();
      g_autoptr(GlossRecovery) written = NULL;
      g_autoptr(GError) error = NULL;

      written = gloss_recovery_write (corpus, id, names[i], NULL, &error);
      g_assert_no_error (error);
      g_usleep (20000);
    }

  all = gloss_recovery_list (GLOSS_RECOVERY_ANY);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (gloss_recovery_get_name (g_ptr_array_index (all, 0)), ==, "Third");
  g_assert_cmpstr (gloss_recovery_get_name (g_ptr_array_index (all, 2)), ==, "First");
}

/* Replaces the details line of the copy @id with @header. */
static void
rewrite_header (const char *id,
                const char *header)
{
  g_autofree char *path = copy_path (id);
  g_autofree char *contents = NULL;
  g_autofree char *updated = NULL;
  char *body;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  body = strchr (contents, '\n');
  g_assert_nonnull (body);
  updated = g_strconcat (header, body, NULL);
  g_assert_true (g_file_set_contents (path, updated, -1, NULL));
}

/* A process id is reused: the same id with another start time is another
 * process, and the copy is an orphan. */
static void
test_recovery_reused_pid (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autofree char *header = NULL;
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/proc/self/stat", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /proc to read start times from");
      return;
    }

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Corpus", NULL, &error);
  g_assert_no_error (error);

  header = g_strdup_printf ("{\"format\": \"gloss-recovery\", \"version\": 1, \"name\": \"Corpus\", \"file\": null, "
                            "\"time\": \"2024-05-01T10:00:00Z\", \"pid\": %d, \"process_start\": 1, "
                            "\"documents\": 1, \"spans\": 0}", getpid ());
  rewrite_header (id, header);

  orphans = gloss_recovery_list (GLOSS_RECOVERY_ORPHANED);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (gloss_recovery_get_id (g_ptr_array_index (orphans, 0)), ==, id);
}

/* What a disk or another program may leave in the folder: each is skipped
 * with a warning naming it, and the good copy is still found. */
static void
test_recovery_corrupt_skipped (void)
{
  static const struct {
    const char *name;
    const char *contents;
    const char *why;
  } bad[] = {
    { "recovery-1-array", "[1, 2]\n{}", "not a JSON object" },
    { "recovery-1-empty", "", "does not start with a line of details" },
    { "recovery-1-file", "{\"format\": \"gloss-recovery\", \"version\": 1, \"name\": \"x\", \"file\": 3}\n{}",
      "no valid “file”" },
    { "recovery-1-format", "{\"format\": \"gloss-corpus\"}\n{}", "no valid “format”" },
    { "recovery-1-noline", "{\"format\": \"gloss-recovery\"", "does not start with a line of details" },
    { "recovery-1-notjson", "{format: gloss}\n{}", "is not JSON" },
    { "recovery-1-pid", "{\"format\": \"gloss-recovery\", \"version\": 1, \"name\": \"x\", \"file\": null, "
                        "\"time\": \"2024-05-01T10:00:00Z\", \"pid\": \"12\"}\n{}", "no valid “pid”" },
    { "recovery-1-time", "{\"format\": \"gloss-recovery\", \"version\": 1, \"name\": \"x\", \"file\": null, "
                         "\"time\": \"yesterday\"}\n{}", "no valid “time”" },
    { "recovery-1-version", "{\"format\": \"gloss-recovery\", \"version\": 9}\n{}", "version 9" },
  };
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) damaged = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Good", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strconcat (bad[i].name, ".gloss-recovery", NULL);

      format_test_write_file (dir, name, bad[i].contents, -1);
    }

  /* Not copies at all: not read, not reported. */
  format_test_write_file (dir, "notes.txt", "hello", -1);
  format_test_write_file (dir, "recovery-Bad_Id.gloss-recovery", "", -1);

  all = gloss_recovery_list (GLOSS_RECOVERY_ANY);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (gloss_recovery_get_name (g_ptr_array_index (all, 0)), ==, "Good");

  /* Each is reported with what is wrong and where it is kept: moved aside,
   * but for the newer version's, which stays for that version. */
  damaged = gloss_recovery_set_aside_damaged ();
  g_assert_cmpuint (damaged->len, ==, G_N_ELEMENTS (bad));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GlossRecovery *copy = g_ptr_array_index (damaged, i);
      g_autofree char *name = g_strconcat (bad[i].name, ".gloss-recovery", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *aside = g_strconcat (path, ".damaged", NULL);
      const char *kept = g_str_equal (bad[i].name, "recovery-1-version") ? path : aside;
      g_autofree char *contents = NULL;

      g_assert_cmpstr (gloss_recovery_get_id (copy), ==, bad[i].name);
      g_assert_nonnull (strstr (gloss_recovery_get_problem (copy), bad[i].why));
      g_assert_cmpstr (gloss_recovery_get_path (copy), ==, kept);
      g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, bad[i].contents);
      if (kept == aside)
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Told once; the newer version's copy each time, until it is dealt with. */
  again = gloss_recovery_set_aside_damaged ();
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (gloss_recovery_get_id (g_ptr_array_index (again, 0)), ==, "recovery-1-version");
  g_assert_null (gloss_recovery_get_problem (g_ptr_array_index (all, 0)));
}

/* A newer version's copy whose process still runs is its own business. */
static void
test_recovery_newer_running (void)
{
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *contents = g_strdup_printf ("{\"format\": \"gloss-recovery\", \"version\": 2, \"pid\": %d}\n{}",
                                               (int)getpid ());
  g_autoptr(GPtrArray) damaged = NULL;

  empty_state_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  format_test_write_file (dir, "recovery-2-newer.gloss-recovery", contents, -1);

  damaged = gloss_recovery_set_aside_damaged ();
  g_assert_cmpuint (damaged->len, ==, 0);
}

/* Good details on a damaged corpus: listed, but loading says what is
 * wrong, never a crash. */
static void
test_recovery_damaged_body (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autofree char *path = copy_path (id);
  g_autofree char *contents = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Cắt ngang", NULL, &error);
  g_assert_no_error (error);

  /* Cut in the middle, as a disk might. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));

  loaded = gloss_recovery_load (written, NULL, &error);
  g_assert_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The recovery copy of “Cắt ngang” is damaged: "));
  g_assert_null (loaded);

  /* Kept, out of the way, and said where. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  aside = g_strconcat (path, ".damaged", NULL);
  g_assert_nonnull (strstr (error->message, aside));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
}

static void
test_recovery_remove (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GlossRecovery) found = NULL;
  g_autoptr(GError) error = NULL;

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Corpus", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_recovery_remove (id, &error));
  g_assert_no_error (error);
  found = gloss_recovery_lookup (id, &error);
  g_assert_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  /* Gone already is as good as removed. */
  g_assert_true (gloss_recovery_remove (id, &error));
  g_assert_no_error (error);

  /* An id never names a file outside the folder. */
  g_assert_false (gloss_recovery_remove ("recovery-../../etc/passwd", &error));
  g_assert_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (gloss_recovery_write (corpus, "../x", "Corpus", NULL, &error));
  g_assert_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NOT_FOUND);
}

/* The temporary file of a write cut short by a crash is cleared away once
 * its process is gone; a running process's is left alone. */
static void
test_recovery_stale_temporary (void)
{
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *dead_name = NULL;
  g_autofree char *live_name = NULL;
  g_autofree char *dead_path = NULL;
  g_autofree char *live_path = NULL;
  g_autoptr(GPtrArray) all = NULL;
  pid_t child;
  int status;

  empty_state_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* A process id that was just freed. */
  child = fork ();
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  dead_name = g_strdup_printf (".recovery-%d-0badc0de.gloss-recovery.AB12CD", (int)child);
  live_name = g_strdup_printf (".recovery-%d-0badc0de.gloss-recovery.EF34GH", (int)getpid ());
  format_test_write_file (dir, dead_name, "{\"format\"", -1);
  format_test_write_file (dir, live_name, "{\"format\"", -1);

  all = gloss_recovery_list (GLOSS_RECOVERY_ANY);
  g_assert_cmpuint (all->len, ==, 0);
  dead_path = g_build_filename (dir, dead_name, NULL);
  live_path = g_build_filename (dir, live_name, NULL);
  g_assert_false (g_file_test (dead_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_path, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GlossCorpus   *corpus;
  GlossRecovery *written;
  GError        *error;
  gboolean       done;
} AsyncWrite;

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncWrite *write = user_data;

  write->written = gloss_recovery_write_finish (GLOSS_CORPUS (object), result, &write->error);
  write->done = TRUE;
}

static gboolean
write_done (gpointer data)
{
  return ((AsyncWrite *)data)->done;
}

static GlossCorpus *
make_large_corpus (guint n_documents)
{
  GlossCorpus *corpus = gloss_corpus_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Hợp tác quốc tế 🤝 là nhiệm vụ. ");

  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      GlossDocument *document = format_test_add_document (corpus, id, text->str);

      for (guint j = 0; j < 20; j++)
        {
          g_autoptr(GlossSpan) span = gloss_span_new (j * 32, j * 32 + 7, "task");

          g_assert_true (gloss_document_add_span (document, span, NULL));
        }
    }

  return corpus;
}

typedef struct
{
  GlossCorpus *corpus;
  guint        n_changes;
} Change;

/* Edits the corpus between two slices of the serialization: a span added,
 * and the last document removed. */
static gboolean
change_cb (gpointer data)
{
  Change *change = data;
  GlossDocument *first = gloss_corpus_get_document (change->corpus, 0);
  guint n = gloss_corpus_get_n_documents (change->corpus);
  g_autoptr(GlossSpan) span = gloss_span_new (1, 4, "pillar");

  if (change->n_changes++ == 0)
    g_assert_true (gloss_document_add_span (first, span, NULL));
  else
    gloss_corpus_remove_document (change->corpus, gloss_corpus_get_document (change->corpus, n - 1));

  return change->n_changes < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The corpus changes while it is serialized a slice at a time: the copy is
 * of the corpus as it ended up, never a mix. */
static void
test_recovery_write_async_changing (void)
{
  g_autoptr(GlossCorpus) corpus = make_large_corpus (600);
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GError) error = NULL;
  AsyncWrite write = { corpus };
  Change change = { corpus };
  guint source;

  empty_state_dir ();
  gloss_recovery_write_async (corpus, id, "Large", NULL, on_written_cb, &write);
  source = g_timeout_add (1, change_cb, &change);
  wait_until (write_done, &write);
  g_assert_no_error (write.error);
  g_assert_nonnull (write.written);
  if (change.n_changes < 2)
    g_source_remove (source);

  /* Both edits came while the write was under way… */
  g_assert_cmpuint (change.n_changes, ==, 2);

  /* …and the copy has them both. */
  loaded = gloss_recovery_load (write.written, NULL, &error);
  g_assert_no_error (error);
  format_test_assert_same_corpus (corpus, loaded);
  g_assert_cmpuint (gloss_corpus_get_n_documents (loaded), ==, 599);
  g_assert_cmpuint (gloss_recovery_get_n_documents (write.written), ==, 599);
  gloss_recovery_unref (write.written);
}

static void
test_recovery_write_async_cancelled (void)
{
  g_autoptr(GlossCorpus) corpus = make_large_corpus (50);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *id = gloss_recovery_make_id ();
  g_autofree char *path = copy_path (id);
  AsyncWrite write = { corpus };

  empty_state_dir ();
  gloss_recovery_write_async (corpus, id, "Large", cancellable, on_written_cb, &write);
  g_cancellable_cancel (cancellable);
  wait_until (write_done, &write);
  g_assert_error (write.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (write.written);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&write.error);
}

/* Autosave */

static gboolean
copy_exists (gpointer data)
{
  g_autofree char *path = copy_path (gloss_autosave_get_id (data));

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static GlossCorpus *
load_own_copy (GlossAutosave *autosave)
{
  g_autoptr(GlossRecovery) found = NULL;
  g_autoptr(GError) error = NULL;
  GlossCorpus *loaded;

  found = gloss_recovery_lookup (gloss_autosave_get_id (autosave), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_recovery_get_name (found), ==, gloss_autosave_get_name (autosave));
  loaded = gloss_recovery_load (found, NULL, &error);
  g_assert_no_error (error);

  return loaded;
}

/* Every interval while there are unsaved changes; removed once saved; and
 * nothing written while there is nothing unsaved. */
static void
test_autosave_interval (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GlossSpan) span = gloss_span_new (2, 5, "principle");

  empty_state_dir ();
  g_assert_cmpuint (gloss_autosave_get_interval (autosave), ==, 30);
  gloss_autosave_set_interval (autosave, 1);
  gloss_autosave_set_corpus (autosave, corpus, "Tạm");
  g_assert_false (copy_exists (autosave));

  wait_until (copy_exists, autosave);
  loaded = load_own_copy (autosave);
  format_test_assert_same_corpus (corpus, loaded);
  g_clear_object (&loaded);

  /* A later change reaches the copy at the next interval. */
  g_assert_true (gloss_document_add_span (gloss_corpus_get_document (corpus, 1), span, NULL));
  run_for (2500);
  loaded = load_own_copy (autosave);
  format_test_assert_same_corpus (corpus, loaded);

  /* Saved: the copy goes, and no interval brings it back. */
  gloss_corpus_set_dirty (corpus, FALSE);
  g_assert_false (copy_exists (autosave));
  run_for (2500);
  g_assert_false (copy_exists (autosave));
}

/* Asked to write (the window lost the focus), it writes at once, but only
 * what no copy holds yet, and never a clean corpus. */
static void
test_autosave_write_now (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossRecovery) first = NULL;
  g_autoptr(GlossRecovery) second = NULL;
  g_autoptr(GError) error = NULL;

  empty_state_dir ();
  gloss_corpus_set_dirty (corpus, FALSE);
  gloss_autosave_set_corpus (autosave, corpus, "Sạch");
  gloss_autosave_write_now (autosave);
  run_for (200);
  g_assert_false (copy_exists (autosave));

  gloss_document_set_title (gloss_corpus_get_document (corpus, 0), "Tiêu đề mới");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  gloss_autosave_write_now (autosave);
  wait_until (copy_exists, autosave);
  first = gloss_recovery_lookup (gloss_autosave_get_id (autosave), &error);
  g_assert_no_error (error);

  /* Nothing new: the copy stays as it was. */
  g_usleep (20000);
  gloss_autosave_write_now (autosave);
  run_for (200);
  second = gloss_recovery_lookup (gloss_autosave_get_id (autosave), &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (gloss_recovery_get_time (first), gloss_recovery_get_time (second)));
}

/* Cleaned while a copy is being written: the write does not bring the copy
 * back once it finishes. */
static void
test_autosave_clean_during_write (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossCorpus) corpus = make_large_corpus (300);

  empty_state_dir ();
  gloss_autosave_set_corpus (autosave, corpus, "Large");
  gloss_autosave_write_now (autosave);
  g_main_context_iteration (NULL, FALSE);
  gloss_corpus_set_dirty (corpus, FALSE);
  run_for (1500);
  g_assert_false (copy_exists (autosave));
}

/* Another corpus in the window: the first one's copy goes. */
static void
test_autosave_switch_corpus (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossCorpus) first = make_corpus ();
  g_autoptr(GlossCorpus) second = gloss_corpus_new ();

  empty_state_dir ();
  gloss_autosave_set_corpus (autosave, first, "Một");
  gloss_autosave_write_now (autosave);
  wait_until (copy_exists, autosave);

  gloss_autosave_set_corpus (autosave, second, "Hai");
  g_assert_true (gloss_autosave_get_corpus (autosave) == second);
  g_assert_false (copy_exists (autosave));
}

/* What the window does on Restore: loads the copy a crashed process left
 * and gives @autosave the corpus and the copy. */
static GlossCorpus *
restore_leftover (GlossAutosave  *autosave,
                  char          **old_id)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  GlossRecovery *old;
  GlossCorpus *corpus;

  empty_state_dir ();
  *old_id = write_in_crashing_process ();
  orphans = gloss_recovery_list (GLOSS_RECOVERY_ORPHANED);
  g_assert_cmpuint (orphans->len, ==, 1);
  old = find_copy (orphans, *old_id);
  g_assert_nonnull (old);

  corpus = gloss_recovery_load (old, NULL, &error);
  g_assert_no_error (error);
  gloss_autosave_set_corpus (autosave, corpus, gloss_recovery_get_name (old));
  gloss_autosave_adopt (autosave, old);

  return corpus;
}

static gboolean
id_exists (const char *id)
{
  g_autoptr(GlossRecovery) found = gloss_recovery_lookup (id, NULL);

  return found != NULL;
}

/* Restored from a crash's copy: that copy stays until a copy of the
 * restored corpus replaces it; that one goes when the work is saved. */
static void
test_autosave_adopt (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *old_id = NULL;

  if (g_test_subprocess ())
    {
      child_write_copy ("Cũ");
      return;
    }

  corpus = restore_leftover (autosave, &old_id);
  g_assert_true (id_exists (old_id));
  gloss_autosave_write_now (autosave);
  wait_until (copy_exists, autosave);
  run_for (100);
  g_assert_false (id_exists (old_id));

  gloss_corpus_set_dirty (corpus, FALSE);
  g_assert_false (copy_exists (autosave));
}

/* Restored, then saved before any copy of its own was written: the
 * crash's copy goes too. */
static void
test_autosave_adopt_then_save (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *old_id = NULL;

  if (g_test_subprocess ())
    {
      child_write_copy ("Cũ");
      return;
    }

  corpus = restore_leftover (autosave, &old_id);
  g_assert_true (id_exists (old_id));
  gloss_corpus_set_dirty (corpus, FALSE);
  g_assert_false (id_exists (old_id));
  g_assert_false (copy_exists (autosave));
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_autosave_properties (void)
{
  g_autoptr(GlossAutosave) autosave = gloss_autosave_new ();
  g_autoptr(GlossAutosave) other = gloss_autosave_new ();
  guint n_notified = 0;

  /* Each window its own copy. */
  g_assert_cmpstr (gloss_autosave_get_id (autosave), !=, gloss_autosave_get_id (other));
  g_assert_true (g_str_has_prefix (gloss_autosave_get_id (autosave), "recovery-"));

  g_signal_connect_swapped (autosave, "notify", G_CALLBACK (count_cb), &n_notified);

  /* Notified on a change only. */
  gloss_autosave_set_interval (autosave, 30);
  g_assert_cmpuint (n_notified, ==, 0);
  gloss_autosave_set_interval (autosave, 5);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (gloss_autosave_get_interval (autosave), ==, 5);

  gloss_autosave_set_name (autosave, "Tên");
  g_assert_cmpuint (n_notified, ==, 2);
  gloss_autosave_set_name (autosave, "Tên");
  g_assert_cmpuint (n_notified, ==, 2);
  gloss_autosave_set_name (autosave, NULL);
  g_assert_cmpstr (gloss_autosave_get_name (autosave), ==, "");
  g_assert_cmpuint (n_notified, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for the folder; a subprocess test inherits
   * its parent's. */
  if (!g_test_subprocess ())
    {
      tmp = format_test_make_tmp_dir ();
      state_home = g_build_filename (tmp, "state", NULL);
      g_setenv ("XDG_STATE_HOME", state_home, TRUE);
    }
  else
    state_home = g_strdup (g_getenv ("XDG_STATE_HOME"));

  g_test_add_func ("/gloss/core/recovery/round-trip", test_recovery_round_trip);
  g_test_add_func ("/gloss/core/recovery/no-file", test_recovery_no_file);
  g_test_add_func ("/gloss/core/recovery/missing-dir", test_recovery_missing_dir);
  g_test_add_func ("/gloss/core/recovery/running-not-listed", test_recovery_running_not_listed);
  g_test_add_func ("/gloss/core/recovery/crashed-listed", test_recovery_crashed_listed);
  g_test_add_func ("/gloss/core/recovery/newest-first", test_recovery_newest_first);
  g_test_add_func ("/gloss/core/recovery/reused-pid", test_recovery_reused_pid);
  g_test_add_func ("/gloss/core/recovery/corrupt-skipped", test_recovery_corrupt_skipped);
  g_test_add_func ("/gloss/core/recovery/newer-running", test_recovery_newer_running);
  g_test_add_func ("/gloss/core/recovery/damaged-body", test_recovery_damaged_body);
  g_test_add_func ("/gloss/core/recovery/remove", test_recovery_remove);
  g_test_add_func ("/gloss/core/recovery/stale-temporary", test_recovery_stale_temporary);
  g_test_add_func ("/gloss/core/recovery/write-async-changing", test_recovery_write_async_changing);
  g_test_add_func ("/gloss/core/recovery/write-async-cancelled", test_recovery_write_async_cancelled);
  g_test_add_func ("/gloss/core/autosave/interval", test_autosave_interval);
  g_test_add_func ("/gloss/core/autosave/write-now", test_autosave_write_now);
  g_test_add_func ("/gloss/core/autosave/clean-during-write", test_autosave_clean_during_write);
  g_test_add_func ("/gloss/core/autosave/switch-corpus", test_autosave_switch_corpus);
  g_test_add_func ("/gloss/core/autosave/adopt", test_autosave_adopt);
  g_test_add_func ("/gloss/core/autosave/adopt-then-save", test_autosave_adopt_then_save);
  g_test_add_func ("/gloss/core/autosave/properties", test_autosave_properties);

  status = g_test_run ();

  if (tmp != NULL)
    format_test_remove_tree (tmp);
  g_free (state_home);

  return status;
}
