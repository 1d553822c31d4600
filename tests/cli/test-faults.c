/* test-faults.c: saving when things go wrong
 *
 * Faults are injected for real: gloss-cli killed with SIGKILL at random
 * moments while it writes a corpus over an older one, a file size limit
 * (RLIMIT_FSIZE, as a full disk or a quota behaves: write() fails with
 * EFBIG), targets that cannot be written (read-only, a folder, a vanished
 * parent). Each time the target must be either the old or the new corpus,
 * complete, and an error must name the file.
 *
 * The random delays come from GTest's generator: the seed is printed at
 * the start (“random seed: …”) and `--seed` replays a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/fs.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "../core/format-test-util.h"

#define N_KILLS 50
#define NOBODY 65534

typedef struct
{
  char   *dir;
  char   *source;   /* the corpus gloss-cli reads */
  char   *target;   /* what it writes over */
  char   *terms;
  GBytes *old;      /* the target before */
  GBytes *new;      /* the target after a complete run */
} Fixture;

/* About a megabyte: 100 documents of Vietnamese, Arabic and emoji text,
 * with spans, so that writing takes long enough to be interrupted. */
static GlossCorpus *
make_corpus (void)
{
  GlossCorpus *corpus = gloss_corpus_new ();

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autoptr(GString) text = g_string_new (NULL);
      GlossDocument *document;

      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint j = 0; j < 60; j++)
        {
          guint start = g_utf8_strlen (text->str, text->len);

          g_array_append_val (starts, start);
          g_string_append_printf (text, "Đoạn %u: Hà Nội và مرحبا 👩‍👩‍👧 nhiệm vụ số %u.\n", j, i * j);
        }
      document = format_test_add_document (corpus, id, text->str);
      for (guint j = 0; j < starts->len; j += 2)
        {
          guint start = g_array_index (starts, guint, j);
          g_autoptr(GlossSpan) span = gloss_span_new (start, start + 4, "pillar");

          g_assert_true (gloss_document_add_span (document, span, NULL));
        }
    }

  return corpus;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Renamed into place but not synced: the disk is not what is tested,
   * and syncing every round would take most of the test's time. (Without
   * the rename, GLib writes over the old contents without truncating.) */
  g_assert_true (g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error));
  g_assert_no_error (error);
}

static char **
child_argv (Fixture *f)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  const char *argv[] = { cli, "annotate", "--gazetteer", f->terms, "--label", "task",
                         "--output", f->target, f->source, NULL };

  g_assert_nonnull (cli);

  return g_strdupv ((char **)argv);
}

static char **
child_environment (void)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  return g_environ_unsetenv (env, "LANGUAGE");
}

/* Runs gloss-cli to the end; returns its exit code and what it said. */
static int
run_to_end (Fixture               *f,
            GSpawnChildSetupFunc   setup,
            gpointer               setup_data,
            char                 **err)
{
  g_auto(GStrv) argv = child_argv (f);
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (f->dir, argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, setup, setup_data,
                NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("gloss-cli said: %s", err != NULL && *err != NULL ? *err : "");

  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GError) error = NULL;

  f->dir = format_test_make_tmp_dir ();
  f->source = g_build_filename (f->dir, "source.gloss.json", NULL);
  f->target = g_build_filename (f->dir, "target.gloss.json", NULL);
  f->terms = g_build_filename (f->dir, "terms.txt", NULL);

  f->old = gloss_corpus_save_to_bytes (corpus);
  write_bytes (f->source, f->old);
  write_bytes (f->target, f->old);
  g_assert_true (g_file_set_contents (f->terms, "Hà Nội\nnhiệm vụ\n", -1, &error));

  g_assert_cmpint (run_to_end (f, NULL, NULL, NULL), ==, 0);
  f->new = read_bytes (f->target);
  g_assert_false (g_bytes_equal (f->old, f->new));
  write_bytes (f->target, f->old);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Whatever a test made unwritable is made writable again to go. */
  g_chmod (f->dir, 0700);
  format_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->source);
  g_free (f->target);
  g_free (f->terms);
  g_bytes_unref (f->old);
  g_bytes_unref (f->new);
}

/* The hidden temporary files of the atomic writer beside the target. */
static guint
count_temporaries (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".target.gloss.json."))
      n++;

  return n;
}

static void
assert_target_is (Fixture    *f,
                  GBytes     *expected)
{
  g_autoptr(GBytes) now = read_bytes (f->target);

  g_assert_true (g_bytes_equal (now, expected));
}

/* Either the old or the new corpus, whole. */
static gboolean
target_is_new (Fixture    *f,
               guint       kill_number,
               guint       delay_usec)
{
  g_autoptr(GBytes) now = NULL;
  struct stat st;

  if (g_stat (f->target, &st) != 0)
    g_error ("kill %u after %u µs: the target is gone", kill_number, delay_usec);

  now = read_bytes (f->target);
  if (g_bytes_equal (now, f->old))
    return FALSE;
  if (g_bytes_equal (now, f->new))
    return TRUE;

  g_error ("kill %u after %u µs: the target is neither corpus (%" G_GSIZE_FORMAT " bytes, old %" G_GSIZE_FORMAT
           ", new %" G_GSIZE_FORMAT ")", kill_number, delay_usec, g_bytes_get_size (now),
           g_bytes_get_size (f->old), g_bytes_get_size (f->new));
}

/* gloss-cli said why, naming the file, and left everything as it was. */
static void
assert_refused (Fixture    *f,
                const char *err,
                const char *expected)
{
  g_assert_nonnull (strstr (err, expected));
  assert_target_is (f, f->old);
  g_assert_cmpuint (count_temporaries (f), ==, 0);
}

static guint
kill_after (Fixture *f,
            guint    delay_usec)
{
  g_auto(GStrv) argv = child_argv (f);
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int wait_status;

  g_spawn_async (f->dir, argv, env,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_usleep (delay_usec);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return WIFSIGNALED (wait_status);
}

static void
test_kill_during_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint run_usec;
  guint n_old = 0;
  guint n_new = 0;
  guint n_killed = 0;
  guint n_left_temporary = 0;

  g_assert_cmpint (run_to_end (f, NULL, NULL, NULL), ==, 0);
  run_usec = g_get_monotonic_time () - start;
  assert_target_is (f, f->new);

  for (guint i = 0; i < N_KILLS; i++)
    {
      /* A third of the kills anywhere in a run, the others in its last
       * half, where the file is written. */
      guint from = i % 3 == 0 ? 0 : run_usec / 2;
      guint delay = g_test_rand_int_range (from, run_usec * 11 / 10 + 1);

      write_bytes (f->target, f->old);
      n_killed += kill_after (f, delay);
      if (target_is_new (f, i, delay))
        n_new++;
      else
        n_old++;
      if (count_temporaries (f) > 0)
        n_left_temporary++;
    }

  g_test_message ("%u kills in runs of %u µs: %u killed before the end, the old corpus %u times, "
                  "the new %u times; a temporary file was left after %u of them",
                  N_KILLS, run_usec, n_killed, n_old, n_new, n_left_temporary);
  g_assert_cmpuint (n_old + n_new, ==, N_KILLS);

  /* Both outcomes load. */
  loaded = gloss_corpus_load_bytes (f->old, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = gloss_corpus_load_bytes (f->new, NULL, &error);
  g_assert_no_error (error);

  /* The next save removes what the killed ones left. */
  g_assert_cmpint (run_to_end (f, NULL, NULL, NULL), ==, 0);
  assert_target_is (f, f->new);
  g_assert_cmpuint (count_temporaries (f), ==, 0);
}

/* A stale-looking file that a living writer holds is not removed. */
static void
test_live_temporary_kept (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *live = g_build_filename (f->dir, ".target.gloss.json.AbC123", NULL);
  g_autofree char *dead = g_build_filename (f->dir, ".target.gloss.json.XyZ789", NULL);
  g_autofree char *other = g_build_filename (f->dir, ".target.gloss.json.notes", NULL);
  int fd;

  g_assert_true (g_file_set_contents (live, "half", -1, NULL));
  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
  fd = open (live, O_RDONLY);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_cmpint (run_to_end (f, NULL, NULL, NULL), ==, 0);
  assert_target_is (f, f->new);
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  close (fd);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  /* write() then fails with EFBIG instead of the signal killing us. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_file_size_limit_cli (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”", f->target);

  g_assert_cmpuint (g_bytes_get_size (f->new), >, 256 * 1024);
  g_assert_cmpint (run_to_end (f, limit_file_size, GUINT_TO_POINTER (256 * 1024), &err), ==, 1);
  g_assert_nonnull (strstr (err, expected));
  g_assert_nonnull (strstr (err, "File too large"));
  assert_target_is (f, f->old);
  g_assert_cmpuint (count_temporaries (f), ==, 0);
}

/* In the process that holds the corpus: it stays dirty, and can be saved
 * elsewhere once there is room. */
static void
test_file_size_limit_corpus (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_load_bytes (f->old, NULL, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (f->target);
  g_autofree char *elsewhere_path = g_build_filename (f->dir, "elsewhere.gloss.json", NULL);
  g_autoptr(GFile) elsewhere = g_file_new_for_path (elsewhere_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) expected = NULL;
  struct rlimit before;
  struct rlimit limited;
  void (*old_handler) (int);

  gloss_corpus_set_file (corpus, target);
  g_assert_true (gloss_document_remove_span (gloss_corpus_get_document (corpus, 0),
                                             gloss_document_get_span (gloss_corpus_get_document (corpus, 0), 0)));
  gloss_corpus_set_dirty (corpus, TRUE);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  limited = before;
  limited.rlim_cur = 64 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  g_assert_false (gloss_corpus_save_file (corpus, target, NULL, &error));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, f->target));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  assert_target_is (f, f->old);
  g_assert_cmpuint (count_temporaries (f), ==, 0);
  g_clear_error (&error);

  g_assert_true (gloss_corpus_save_file (corpus, elsewhere, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), elsewhere));
  saved = read_bytes (elsewhere_path);
  expected = gloss_corpus_save_to_bytes (corpus);
  g_assert_true (g_bytes_equal (saved, expected));
}

static void
drop_to_nobody (gpointer data)
{
  /* Only what the child does after fork(): on failure it stays root, and
   * the test sees the save succeed and fails. */
  if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
    _exit (99);
}

/* Root writes through permissions; its child drops to nobody, which is
 * what a user without the right to the folder is. */
static void
make_readable_to_nobody (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    }
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: Permission denied", f->target);
  GSpawnChildSetupFunc setup = geteuid () == 0 ? drop_to_nobody : NULL;

  make_readable_to_nobody (f);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  g_assert_cmpint (run_to_end (f, setup, NULL, &err), ==, 1);
  assert_refused (f, err, expected);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: Permission denied", f->target);
  GSpawnChildSetupFunc setup = geteuid () == 0 ? drop_to_nobody : NULL;

  /* The folder could take a new file; the file itself says no. */
  make_readable_to_nobody (f);
  g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (f->target, 0444), ==, 0);

  g_assert_cmpint (run_to_end (f, setup, NULL, &err), ==, 1);
  assert_refused (f, err, expected);
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK);
  int flags = 0;
  gboolean done;

  if (fd < 0)
    return FALSE;

  done = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0 &&
         ioctl (fd, FS_IOC_SETFLAGS, (flags = immutable ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL,
                                      &flags)) == 0;
  close (fd);

  return done;
}

/* What stops root too: the immutable flag (chattr +i), where the file
 * system has it and the process may set it. */
static void
test_immutable_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: Operation not permitted", f->target);

  if (!set_immutable (f->target, TRUE))
    {
      g_test_skip ("the file system or the process cannot set the immutable flag (chattr +i)");
      return;
    }

  g_assert_cmpint (run_to_end (f, NULL, NULL, &err), ==, 1);
  g_assert_true (set_immutable (f->target, FALSE));
  assert_refused (f, err, expected);
}

/* /proc takes no new files, whoever asks. */
static void
test_unwritable_place (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_load_bytes (f->old, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/gloss-test.gloss.json");
  g_autoptr(GError) error = NULL;

  gloss_corpus_set_dirty (corpus, TRUE);
  g_assert_false (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Cannot write “/proc/gloss-test.gloss.json”: "));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_null (gloss_corpus_get_file (corpus));
}

static void
test_target_is_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_unlink (f->target), ==, 0);
  g_assert_cmpint (g_mkdir (f->target, 0700), ==, 0);
  expected = g_strdup_printf ("Cannot write “%s”: it is a folder", f->target);

  g_assert_cmpint (run_to_end (f, NULL, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, expected));
  g_assert_true (g_file_test (f->target, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_temporaries (f), ==, 0);
}

static void
test_vanished_folder (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_load_bytes (f->old, NULL, NULL);
  g_autofree char *sub = g_build_filename (f->dir, "gone", NULL);
  g_autofree char *path = g_build_filename (sub, "corpus.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: No such file or directory", path);

  /* Opened from a folder that was then removed (an unplugged drive, a
   * folder deleted in the file manager). */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);
  format_test_remove_tree (sub);
  gloss_corpus_set_dirty (corpus, TRUE);

  g_assert_false (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gloss/cli/faults/kill-during-save", Fixture, NULL,
              fixture_set_up, test_kill_during_save, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/live-temporary-kept", Fixture, NULL,
              fixture_set_up, test_live_temporary_kept, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/file-size-limit/cli", Fixture, NULL,
              fixture_set_up, test_file_size_limit_cli, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/file-size-limit/corpus", Fixture, NULL,
              fixture_set_up, test_file_size_limit_corpus, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/read-only/folder", Fixture, NULL,
              fixture_set_up, test_read_only_folder, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/read-only/file", Fixture, NULL,
              fixture_set_up, test_read_only_file, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/read-only/immutable", Fixture, NULL,
              fixture_set_up, test_immutable_file, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/read-only/proc", Fixture, NULL,
              fixture_set_up, test_unwritable_place, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/target-is-folder", Fixture, NULL,
              fixture_set_up, test_target_is_folder, fixture_tear_down);
  g_test_add ("/gloss/cli/faults/vanished-folder", Fixture, NULL,
              fixture_set_up, test_vanished_folder, fixture_tear_down);

  return g_test_run ();
}
