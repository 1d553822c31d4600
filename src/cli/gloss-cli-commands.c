/* gloss-cli-commands.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "gloss.h"
#include "gloss-cli-commands.h"

static void print_error (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "gloss-cli: %s\n", message);
}

/* Parses the options of one subcommand; on a usage error prints it with a
 * hint and returns FALSE. */
static gboolean
parse_options (const char    *command,
               const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("gloss-cli %s", command);

  g_set_prgname (prgname);
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error ("%s", error->message);
      fprintf (stderr, _("Run “gloss-cli %s --help” for the options."), command);
      fputc ('\n', stderr);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_output (GBytes      *bytes,
              const char  *output,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;
  gsize n_bytes;
  const char *data = g_bytes_get_data (bytes, &n_bytes);

  if (g_str_equal (output, "-"))
    {
      if (fwrite (data, 1, n_bytes, stdout) != n_bytes || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (output);

  return gloss_write_file_atomically (file, bytes, FALSE, NULL, error);
}

static gboolean
parse_offsets (const char      *name,
               GlossOffsetUnit *unit)
{
  if (name == NULL)
    {
      *unit = GLOSS_OFFSET_CODEPOINT;
      return TRUE;
    }

  if (gloss_offset_unit_from_string (name, unit))
    return TRUE;

  print_error (_("--offsets takes “codepoint”, “utf16” or “byte”, not “%s”"), name);
  return FALSE;
}

/* One line a problem, whatever ids hold: line breaks and tabs escaped. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The warnings of reading a file, each after @name when one is given. */
static void
print_file_warnings (const char *name,
                     GPtrArray  *problems)
{
  g_autofree char *prefix = name != NULL ? g_strdup_printf ("%s: ", name) : g_strdup ("");

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (problem->path != NULL && problem->path[0] != '\0')
        {
          g_autofree char *path = one_line (problem->path);

          fprintf (stderr, "gloss-cli: %s%s: %s %s\n", prefix, path, _("warning:"), problem->message);
        }
      else
        fprintf (stderr, "gloss-cli: %s%s %s\n", prefix, _("warning:"), problem->message);
    }
}

static void
print_warnings (GPtrArray *problems)
{
  print_file_warnings (NULL, problems);
}

/* Whether writing @output would replace @input, or a file that importing
 * the folder @input reads (its .txt and .ann files). */
static gboolean
output_is_input (const char *output,
                 GFile      *input)
{
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

  if (g_file_equal (out, input))
    return TRUE;

  return g_file_has_parent (out, input) &&
         (g_str_has_suffix (output, ".txt") || g_str_has_suffix (output, ".ann"));
}

int
gloss_cli_import (int    argc,
                  char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *formats = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportOptions options = { GLOSS_OFFSET_CODEPOINT, GLOSS_TITLE_FROM_FIRST_LINE, FALSE };
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from,
      N_("The input format: text (the default), doccano, spacy, brat or gloss"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the corpus to FILE (“-” for standard output)"), N_("FILE") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("What the input’s offsets count: codepoint (the default), utf16 or byte"), N_("UNIT") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("Take titles of texts from the “first-line” (the default) or the “file-name”"), N_("SOURCE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Set the language of every document (a BCP 47 tag such as “vi” or “en”)"), N_("LANG") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("import", _("INPUT… -o CORPUS"),
                      _("Makes a Gloss corpus of other files. Text: one document per .txt file, a\n"
                        "folder imports its .txt files in name order, UTF-8 only, line ends\n"
                        "normalised to LF. doccano and spaCy: JSONL files. brat: folders or .ann\n"
                        "files beside their .txt. gloss: corpora to merge. Labels the schema lacks\n"
                        "are added. Nothing is written unless every input imports."),
                      entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (from == NULL)
    from = g_strdup ("text");

  if (!g_strv_contains (gloss_import_list_formats (), from))
    {
      formats = g_strjoinv (", ", (char **)gloss_import_list_formats ());
      print_error (_("unknown input format “%s” (supported: %s)"), from, formats);
      return GLOSS_CLI_USAGE;
    }

  if (!parse_offsets (offsets, &options.offset_unit))
    return GLOSS_CLI_USAGE;
  options.offset_unit_given = offsets != NULL;

  if (offsets != NULL && (g_str_equal (from, "text") || g_str_equal (from, "gloss")))
    {
      print_error (_("--offsets is for doccano, spacy and brat input; %s has no offsets to read"), from);
      return GLOSS_CLI_USAGE;
    }

  if (title != NULL)
    {
      if (g_str_equal (title, "file-name"))
        options.title_source = GLOSS_TITLE_FROM_FILE_NAME;
      else if (!g_str_equal (title, "first-line"))
        {
          print_error (_("--title takes “first-line” or “file-name”, not “%s”"), title);
          return GLOSS_CLI_USAGE;
        }
    }

  if (inputs == NULL || inputs[0] == NULL)
    {
      print_error (_("no input files; give one or more files or folders"));
      return GLOSS_CLI_USAGE;
    }

  if (output == NULL)
    {
      print_error (_("no output file; give one with -o CORPUS"));
      return GLOSS_CLI_USAGE;
    }

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      GFile *file = g_file_new_for_commandline_arg (inputs[i]);

      g_ptr_array_add (files, file);
      if (!g_str_equal (output, "-") && output_is_input (output, file))
        {
          print_error (_("%s: the output would overwrite an input"), output);
          return GLOSS_CLI_USAGE;
        }
    }

  corpus = gloss_corpus_new ();
  gloss_import_paths (corpus, from, (GFile **)files->pdata, files->len,
                      &options, &problems, NULL, &error);

  /* What was noticed before a failure can explain it. */
  print_warnings (problems);

  if (error != NULL)
    {
      print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  if (lang != NULL)
    for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
      gloss_document_set_lang (gloss_corpus_get_document (corpus, i), lang);

  bytes = gloss_corpus_save_to_bytes (corpus);
  if (!write_output (bytes, output, &error))
    {
      print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  if (!g_str_equal (output, "-"))
    {
      guint n = gloss_corpus_get_n_documents (corpus);

      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Imported %u document into %s", "Imported %u documents into %s", n),
               n, output);
      fputc ('\n', stderr);
    }

  return GLOSS_CLI_OK;
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *formats = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT;
  GPtrArray *problems;
  gboolean jsonl = FALSE;
  gboolean ok;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The output format: doccano, spacy, conll, brat, webanno or gloss"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (a folder for brat; “-” for standard output)"), N_("FILE") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("What offsets count: codepoint (the default, as Python), utf16 (as JavaScript) or byte"), N_("UNIT") },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl,
      N_("webanno: one annotation a line instead of one collection (the default for a .jsonl file)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("export", _("--to FORMAT CORPUS -o OUTPUT"),
                      _("Exports a Gloss corpus for training pipelines. What a format cannot\n"
                        "express (overlapping spans in CoNLL) is reported on standard error, never\n"
                        "dropped silently. Nothing is written if the export fails."),
                      entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  formats = g_strjoinv (", ", (char **)gloss_exporter_list_formats ());

  if (to == NULL)
    {
      print_error (_("no output format; give one with --to (%s)"), formats);
      return GLOSS_CLI_USAGE;
    }

  if (!(exporter = gloss_exporter_new_for_format (to)))
    {
      print_error (_("unknown output format “%s” (supported: %s)"), to, formats);
      return GLOSS_CLI_USAGE;
    }

  if (!parse_offsets (offsets, &unit))
    return GLOSS_CLI_USAGE;

  if (offsets != NULL && !gloss_exporter_supports_offsets (exporter))
    {
      print_error (_("--offsets does not apply to %s, which carries no offsets or always counts code points"), to);
      return GLOSS_CLI_USAGE;
    }
  gloss_exporter_set_offset_unit (exporter, unit);

  if (jsonl)
    {
      if (!g_str_equal (to, "webanno"))
        {
          print_error (_("--jsonl is for webanno; the other formats have one shape"));
          return GLOSS_CLI_USAGE;
        }
      g_object_set (exporter, "jsonl", TRUE, NULL);
    }

  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
    {
      print_error (_("give exactly one corpus"));
      return GLOSS_CLI_USAGE;
    }

  if (output == NULL)
    {
      print_error (_("no output; give one with -o OUTPUT"));
      return GLOSS_CLI_USAGE;
    }

  if (g_str_equal (output, "-") && g_str_equal (to, "brat"))
    {
      print_error (_("brat writes a folder; give one with -o FOLDER"));
      return GLOSS_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (inputs[0]);
  if (!(corpus = gloss_corpus_load_file (file, NULL, NULL, &error)))
    {
      print_error ("%s: %s", inputs[0], error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = gloss_exporter_export_stream (exporter, corpus, out, NULL, &error) &&
           g_output_stream_flush (out, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);

      if (g_file_equal (target, file))
        {
          print_error (_("%s: the output would overwrite the corpus"), output);
          return GLOSS_CLI_USAGE;
        }

      ok = gloss_exporter_export_file (exporter, corpus, target, NULL, &error);
    }

  problems = gloss_exporter_get_problems (exporter);
  print_warnings (problems);

  if (!ok)
    {
      print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  if (gloss_exporter_supports_offsets (exporter))
    {
      /* Translators: %s is “codepoint”, “utf16” or “byte” */
      fprintf (stderr, _("gloss-cli: offsets count %s"), gloss_offset_unit_to_string (unit));
      fputc ('\n', stderr);
    }

  return GLOSS_CLI_OK;
}

static void
print_problems (const char *name,
                GPtrArray  *problems,
                gboolean    quiet)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == GLOSS_SEVERITY_ERROR)
        printf ("%s: %s: %s\n", name, problem->path, problem->message);
      else if (!quiet)
        /* Translators: a problem that does not stop the file from loading */
        printf ("%s: %s: %s %s\n", name, problem->path, _("warning:"), problem->message);
    }
}

int
gloss_cli_validate (int    argc,
                    char **argv)
{
  g_auto(GStrv) inputs = NULL;
  gboolean quiet = FALSE;
  int status = GLOSS_CLI_OK;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print errors only, not warnings"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("validate", _("CORPUS…"),
                      _("Checks Gloss corpora. Prints “FILE: OK” for each valid one, and each\n"
                        "problem as “FILE: JSON.PATH: message”. Exits with 1 if any is invalid."),
                      entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (inputs == NULL || inputs[0] == NULL)
    {
      print_error (_("no corpus given"));
      return GLOSS_CLI_USAGE;
    }

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(GlossCorpus) corpus = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      corpus = gloss_corpus_load_file (file, NULL, &problems, &error);

      if (problems == NULL && error != NULL)
        {
          printf ("%s: %s\n", inputs[i], error->message);
          status = GLOSS_CLI_BAD_INPUT;
          continue;
        }

      print_problems (inputs[i], problems, quiet);

      if (corpus == NULL)
        status = GLOSS_CLI_BAD_INPUT;
      else
        printf ("%s: %s\n", inputs[i], _("OK"));
    }

  return status;
}

static void
count_labels (GlossDocument *document,
              GHashTable    *counts)
{
  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    {
      const char *label = gloss_span_get_label (gloss_document_get_span (document, i));

      g_hash_table_insert (counts, (gpointer)label,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, label)) + 1));
    }
}

static guint
lookup_count (GHashTable *counts,
              const char *label)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, label));
}

/* What @builder built, pretty-printed, on standard output. */
static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_stats_json (GlossCorpus *corpus,
                  GHashTable  *totals,
                  GPtrArray   *per_document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  guint64 characters = 0;

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    characters += gloss_document_get_length (gloss_corpus_get_document (corpus, i));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, gloss_corpus_get_n_documents (corpus));
  json_builder_set_member_name (builder, "spans");
  json_builder_add_int_value (builder, gloss_corpus_count_spans (corpus));
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, characters);

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_label_get_id (label));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, gloss_label_get_name (label));
      json_builder_set_member_name (builder, "spans");
      json_builder_add_int_value (builder, lookup_count (totals, gloss_label_get_id (label)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "per_document");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);
      GHashTable *counts = g_ptr_array_index (per_document, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_document_get_id (document));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gloss_document_get_title (document));
      json_builder_set_member_name (builder, "characters");
      json_builder_add_int_value (builder, gloss_document_get_length (document));
      json_builder_set_member_name (builder, "spans");
      json_builder_add_int_value (builder, gloss_document_get_n_spans (document));
      json_builder_set_member_name (builder, "labels");
      json_builder_begin_object (builder);
      for (guint j = 0; j < gloss_schema_get_n_labels (schema); j++)
        {
          const char *id = gloss_label_get_id (gloss_schema_get_label (schema, j));

          json_builder_set_member_name (builder, id);
          json_builder_add_int_value (builder, lookup_count (counts, id));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  print_json (builder);
}

/* The number of terminal columns @text takes: East Asian wide characters
 * take two, combining marks and other zero-width characters none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Pads @text with spaces to @width terminal columns (not bytes). */
static void
print_cell (const char *text,
            guint       width,
            gboolean    right)
{
  guint len = display_width (text);
  guint pad = len < width ? width - len : 0;

  if (right)
    printf ("%*s%s", pad, "", text);
  else
    printf ("%s%*s", text, pad, "");
}

static void
print_stats_table (GlossCorpus *corpus,
                   GHashTable  *totals,
                   GPtrArray   *per_document)
{
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  guint n_labels = gloss_schema_get_n_labels (schema);
  guint n_documents = gloss_corpus_get_n_documents (corpus);
  /* Translators: the heading of the column of document ids in the table
   * of “gloss-cli stats” */
  const char *id_heading = C_("column heading", "ID");
  guint id_width = display_width (id_heading);
  guint characters_width;
  guint spans_width;
  guint64 characters = 0;

  for (guint i = 0; i < n_documents; i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);

      characters += gloss_document_get_length (document);
      id_width = MAX (id_width, display_width (gloss_document_get_id (document)));
    }

  printf ("%s %u\n", _("Documents:"), n_documents);
  printf ("%s %u\n", _("Spans:"), gloss_corpus_count_spans (corpus));
  printf ("%s %" G_GUINT64_FORMAT "\n", _("Characters:"), characters);
  printf ("\n%s\n", _("Spans per label:"));
  for (guint i = 0; i < n_labels; i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);

      printf ("  ");
      print_cell (gloss_label_get_id (label), 16, FALSE);
      printf ("%8u  %s\n", lookup_count (totals, gloss_label_get_id (label)),
              gloss_label_get_display_name (label, NULL));
    }

  if (n_documents == 0)
    return;

  /* Translated headings may be wider than the numbers under them. */
  characters_width = MAX (10, display_width (_("characters")));
  spans_width = MAX (8, display_width (_("spans")));

  printf ("\n%s\n  ", _("Per document:"));
  print_cell (id_heading, id_width, FALSE);
  printf ("  ");
  print_cell (_("characters"), characters_width, TRUE);
  printf (" ");
  print_cell (_("spans"), spans_width, TRUE);
  for (guint j = 0; j < n_labels; j++)
    {
      printf (" ");
      print_cell (gloss_label_get_id (gloss_schema_get_label (schema, j)), 10, TRUE);
    }
  printf ("  %s\n", _("title"));

  for (guint i = 0; i < n_documents; i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);
      GHashTable *counts = g_ptr_array_index (per_document, i);

      printf ("  ");
      print_cell (gloss_document_get_id (document), id_width, FALSE);
      printf ("  %*u %*u", characters_width, gloss_document_get_length (document),
              spans_width, gloss_document_get_n_spans (document));
      for (guint j = 0; j < n_labels; j++)
        {
          const char *id = gloss_label_get_id (gloss_schema_get_label (schema, j));
          guint width = MAX (10, display_width (id));

          printf (" %*u", width, lookup_count (counts, id));
        }
      printf ("  %s\n", gloss_document_get_title (document));
    }
}

static gboolean
parse_stats_table (const char           *name,
                   GlossStatisticsTable *table)
{
  static const struct {
    const char           *name;
    GlossStatisticsTable  table;
  } tables[] = {
    { "labels", GLOSS_STATISTICS_TABLE_LABELS },
    { "documents", GLOSS_STATISTICS_TABLE_DOCUMENTS },
    { "lengths", GLOSS_STATISTICS_TABLE_LENGTHS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (name, tables[i].name))
      {
        *table = tables[i].table;
        return TRUE;
      }

  print_error (_("--csv takes “labels”, “documents” or “lengths”, not “%s”"), name);
  return FALSE;
}

static int
print_stats_csv (GlossCorpus          *corpus,
                 GlossStatisticsTable  table)
{
  g_autoptr(GlossStatistics) statistics = gloss_statistics_compute (corpus);
  g_autoptr(GBytes) bytes = gloss_statistics_to_csv (statistics, table);
  g_autoptr(GError) error = NULL;

  if (!write_output (bytes, "-", &error))
    {
      print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  return GLOSS_CLI_OK;
}

int
gloss_cli_stats (int    argc,
                 char **argv)
{
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) per_document = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  g_autofree char *csv = NULL;
  GlossStatisticsTable table = GLOSS_STATISTICS_TABLE_LABELS;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_STRING, &csv,
      N_("Print one table as CSV: “labels”, “documents” or “lengths”"), N_("TABLE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("stats", _("CORPUS"),
                      _("Prints how many documents and spans a corpus has, per label and per document."),
                      entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
    {
      print_error (_("give exactly one corpus"));
      return GLOSS_CLI_USAGE;
    }

  if (csv != NULL && !parse_stats_table (csv, &table))
    return GLOSS_CLI_USAGE;

  file = g_file_new_for_commandline_arg (inputs[0]);
  if (!(corpus = gloss_corpus_load_file (file, NULL, &problems, &error)))
    {
      g_assert (error != NULL);
      print_error ("%s: %s", inputs[0], error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  if (csv != NULL)
    return print_stats_csv (corpus, table);

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

      count_labels (gloss_corpus_get_document (corpus, i), counts);
      count_labels (gloss_corpus_get_document (corpus, i), totals);
      g_ptr_array_add (per_document, counts);
    }

  if (json)
    print_stats_json (corpus, totals, per_document);
  else
    print_stats_table (corpus, totals, per_document);

  return GLOSS_CLI_OK;
}

/* Per-label counts in schema order, on standard error. */
static void
print_annotate_counts (GlossCorpus *corpus,
                       GHashTable  *counts)
{
  GlossSchema *schema = gloss_corpus_get_schema (corpus);

  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      const char *id = gloss_label_get_id (gloss_schema_get_label (schema, i));
      guint n = lookup_count (counts, id);

      if (n > 0)
        fprintf (stderr, "  %-16s %8u\n", id, n);
    }
}

int
gloss_cli_annotate (int    argc,
                    char **argv)
{
  g_autofree char *gazetteer_path = NULL;
  g_autofree char *label = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) list = NULL;
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ignore_case = FALSE;
  guint n_added;
  GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME, &gazetteer_path,
      N_("The term list: UTF-8, one term a line, “#” comments, optional TAB and label"), N_("FILE") },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label,
      N_("The label of terms that have none in the list"), N_("ID") },
    { "ignore-case", 'i', 0, G_OPTION_ARG_NONE, &ignore_case,
      N_("Match regardless of case"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the annotated corpus to FILE (“-” for standard output)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("annotate", _("--gazetteer FILE CORPUS -o OUT"),
                      _("Labels every whole-word occurrence of the terms of a list, the longest term\n"
                        "first; spans already there are kept and not added twice. Nothing is written\n"
                        "unless the list, the corpus and the labels are all valid."),
                      entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (gazetteer_path == NULL)
    {
      print_error (_("no term list; give one with --gazetteer FILE"));
      return GLOSS_CLI_USAGE;
    }

  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
    {
      print_error (_("give exactly one corpus"));
      return GLOSS_CLI_USAGE;
    }

  if (output == NULL)
    {
      print_error (_("no output file; give one with -o OUT"));
      return GLOSS_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (gazetteer_path);
  if (!(list = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(gazetteer = gloss_gazetteer_new_from_bytes (list, gazetteer_path, &error)))
    {
      if (list == NULL)
        print_error ("%s: %s", gazetteer_path, error->message);
      else
        print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  g_clear_object (&file);
  file = g_file_new_for_commandline_arg (inputs[0]);
  if (!(corpus = gloss_corpus_load_file (file, NULL, &problems, &error)))
    {
      print_error ("%s: %s", inputs[0], error->message);
      return GLOSS_CLI_BAD_INPUT;
    }
  print_warnings (problems);

  n_added = gloss_gazetteer_apply (gazetteer, corpus, NULL, label, ignore_case, counts, &error);
  if (error != NULL)
    {
      print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  bytes = gloss_corpus_save_to_bytes (corpus);
  if (!write_output (bytes, output, &error))
    {
      print_error ("%s", error->message);
      return GLOSS_CLI_BAD_INPUT;
    }

  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Added %u span", "Added %u spans", n_added), n_added);
  fputc ('\n', stderr);
  print_annotate_counts (corpus, counts);

  return GLOSS_CLI_OK;
}

/* agree */

/* A table printed with aligned columns: the first @n_text_columns hold text
 * and are padded on the right, the others hold numbers and are padded on
 * the left. Widths count characters, so “κ” and translations line up. */
typedef struct
{
  GPtrArray *cells;
  guint      n_columns;
  guint      n_text_columns;
} Table;

static void
table_init (Table *table,
            guint  n_columns,
            guint  n_text_columns)
{
  table->cells = g_ptr_array_new_with_free_func (g_free);
  table->n_columns = n_columns;
  table->n_text_columns = n_text_columns;
}

/* Takes @cell. */
static void
table_add (Table *table,
           char  *cell)
{
  g_ptr_array_add (table->cells, cell);
}

static void
table_print (Table *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  g_assert (table->cells->len % table->n_columns == 0);

  for (guint i = 0; i < table->cells->len; i++)
    widths[i % table->n_columns] = MAX (widths[i % table->n_columns],
                                        g_utf8_strlen (g_ptr_array_index (table->cells, i), -1));

  for (guint i = 0; i < table->cells->len; i++)
    {
      guint column = i % table->n_columns;
      gboolean last = column == table->n_columns - 1;

      fputs ("  ", stdout);
      if (last && column < table->n_text_columns)
        printf ("%s", (char *)g_ptr_array_index (table->cells, i));
      else
        print_cell (g_ptr_array_index (table->cells, i), widths[column], column >= table->n_text_columns);
      if (last)
        putchar ('\n');
    }

  g_clear_pointer (&table->cells, g_ptr_array_unref);
}

/* Three decimals, or “n/a” where the score is undefined (0/0). */
static char *
format_score (double score)
{
  if (isnan (score))
    /* Translators: “not applicable”, a score that is undefined, such as κ when no one labelled anything */
    return g_strdup (_("n/a"));

  /* Rounding must not print a zero that is a hair below as “-0.000”. */
  if (fabs (score) < 0.0005)
    score = 0;

  return g_strdup_printf ("%.3f", score);
}

/* A, B, … Z, then numbers. */
static char *
annotator_letter (guint annotator)
{
  if (annotator < 26)
    return g_strdup_printf ("%c", 'A' + annotator);

  return g_strdup_printf ("%u", annotator + 1);
}

static char *
pair_name (guint first,
           guint second)
{
  g_autofree char *a = annotator_letter (first);
  g_autofree char *b = annotator_letter (second);

  return g_strdup_printf ("%s–%s", a, b);
}

static void
add_span_row (Table                 *table,
              const char            *pair,
              const char            *label,
              const GlossSpanScores *scores)
{
  table_add (table, g_strdup (pair));
  table_add (table, g_strdup (label));
  table_add (table, g_strdup_printf ("%u", scores->first));
  table_add (table, g_strdup_printf ("%u", scores->second));
  table_add (table, g_strdup_printf ("%u", scores->matched));
  table_add (table, format_score (scores->precision));
  table_add (table, format_score (scores->recall));
  table_add (table, format_score (scores->f1));
}

static void
print_span_table (GlossAgreement      *agreement,
                  GlossAgreementMatch  match,
                  gboolean             by_label)
{
  guint n_annotators = gloss_agreement_get_n_annotators (agreement);
  Table table;

  if (match == GLOSS_AGREEMENT_EXACT)
    printf ("\n%s\n", _("Spans, exact match (recall counts the first annotator’s spans, precision the second’s):"));
  else
    printf ("\n%s\n", _("Spans, partial match (recall counts the first annotator’s spans, precision the second’s):"));

  table_init (&table, 8, 2);
  /* Translators: column headers of the span table: the pair of annotators
   * (“A–B”), the label, the spans of the first and of the second annotator,
   * how many of them matched, and the three scores */
  table_add (&table, g_strdup (_("pair")));
  table_add (&table, g_strdup (_("label")));
  table_add (&table, g_strdup (_("first")));
  table_add (&table, g_strdup (_("second")));
  table_add (&table, g_strdup (_("matched")));
  table_add (&table, g_strdup (_("precision")));
  table_add (&table, g_strdup (_("recall")));
  table_add (&table, g_strdup ("F1"));

  for (guint a = 0; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++)
      {
        g_autofree char *pair = pair_name (a, b);
        GlossSpanScores scores;

        for (guint k = 0; by_label && k < gloss_agreement_get_n_labels (agreement); k++)
          {
            gloss_agreement_get_span_scores (agreement, a, b, match, k, &scores);
            add_span_row (&table, pair, gloss_agreement_get_label (agreement, k), &scores);
          }

        gloss_agreement_get_span_scores (agreement, a, b, match, GLOSS_AGREEMENT_ALL_LABELS, &scores);
        /* Translators: a row of scores summed over every label */
        add_span_row (&table, pair, _("all (micro)"), &scores);
        gloss_agreement_get_span_macro (agreement, a, b, match, &scores);
        /* Translators: a row of scores averaged over the labels */
        add_span_row (&table, pair, _("all (macro)"), &scores);
      }

  table_print (&table);
}

static void
add_token_row (Table          *table,
               GlossAgreement *agreement,
               const char     *name,
               guint           label)
{
  guint n_annotators = gloss_agreement_get_n_annotators (agreement);

  table_add (table, g_strdup (name));
  for (guint a = 0; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++)
      table_add (table, format_score (gloss_agreement_get_cohen_kappa (agreement, a, b, label)));
  if (n_annotators >= 3)
    table_add (table, format_score (gloss_agreement_get_fleiss_kappa (agreement, label)));
  table_add (table, format_score (gloss_agreement_get_krippendorff_alpha (agreement, label)));
}

static void
print_token_table (GlossAgreement *agreement,
                   gboolean        by_label)
{
  guint n_annotators = gloss_agreement_get_n_annotators (agreement);
  guint n_pairs = n_annotators * (n_annotators - 1) / 2;
  Table table;

  printf ("\n%s\n", _("Tokens, each with the label of the shortest span over it, or none:"));

  table_init (&table, 1 + n_pairs + (n_annotators >= 3) + 1, 1);
  table_add (&table, g_strdup (_("label")));
  for (guint a = 0; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++)
      {
        g_autofree char *pair = pair_name (a, b);

        /* Translators: %s is a pair of annotators, such as “A–B” */
        table_add (&table, g_strdup_printf (_("Cohen’s κ %s"), pair));
      }
  if (n_annotators >= 3)
    table_add (&table, g_strdup (_("Fleiss’ κ")));
  table_add (&table, g_strdup (_("Krippendorff’s α")));

  for (guint k = 0; by_label && k < gloss_agreement_get_n_labels (agreement); k++)
    add_token_row (&table, agreement, gloss_agreement_get_label (agreement, k), k);
  /* Translators: the row of scores over every label together */
  add_token_row (&table, agreement, _("all labels"), GLOSS_AGREEMENT_ALL_LABELS);

  table_print (&table);
}

static void
print_agree_table (GlossAgreement      *agreement,
                   GlossAgreementMatch  match,
                   gboolean             by_label)
{
  printf ("%s\n", _("Annotators:"));
  for (guint i = 0; i < gloss_agreement_get_n_annotators (agreement); i++)
    {
      g_autofree char *letter = annotator_letter (i);

      printf ("  %s  %s\n", letter, gloss_agreement_get_annotator (agreement, i));
    }

  printf ("\n%s %u\n", _("Documents compared:"), gloss_agreement_get_n_documents (agreement));
  printf ("%s %u\n", _("Tokens:"), gloss_agreement_get_n_tokens (agreement));

  print_span_table (agreement, match, by_label);
  print_token_table (agreement, by_label);
}

static void
add_json_score (JsonBuilder *builder,
                const char  *member,
                double       score)
{
  json_builder_set_member_name (builder, member);
  if (isnan (score))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, score);
}

static void
add_json_span_scores (JsonBuilder           *builder,
                      const char            *member,
                      const GlossSpanScores *scores)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first");
  json_builder_add_int_value (builder, scores->first);
  json_builder_set_member_name (builder, "second");
  json_builder_add_int_value (builder, scores->second);
  json_builder_set_member_name (builder, "matched");
  json_builder_add_int_value (builder, scores->matched);
  add_json_score (builder, "precision", scores->precision);
  add_json_score (builder, "recall", scores->recall);
  add_json_score (builder, "f1", scores->f1);
  json_builder_end_object (builder);
}

static void
add_json_pair (JsonBuilder    *builder,
               GlossAgreement *agreement,
               guint           first,
               guint           second)
{
  json_builder_set_member_name (builder, "first");
  json_builder_add_string_value (builder, gloss_agreement_get_annotator (agreement, first));
  json_builder_set_member_name (builder, "second");
  json_builder_add_string_value (builder, gloss_agreement_get_annotator (agreement, second));
}

static void
add_json_spans (JsonBuilder         *builder,
                GlossAgreement      *agreement,
                GlossAgreementMatch  match,
                gboolean             by_label)
{
  guint n_annotators = gloss_agreement_get_n_annotators (agreement);

  json_builder_set_member_name (builder, "spans");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "match");
  json_builder_add_string_value (builder, match == GLOSS_AGREEMENT_EXACT ? "exact" : "partial");
  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint a = 0; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++)
      {
        GlossSpanScores scores;

        json_builder_begin_object (builder);
        add_json_pair (builder, agreement, a, b);
        gloss_agreement_get_span_scores (agreement, a, b, match, GLOSS_AGREEMENT_ALL_LABELS, &scores);
        add_json_span_scores (builder, "micro", &scores);
        gloss_agreement_get_span_macro (agreement, a, b, match, &scores);
        add_json_span_scores (builder, "macro", &scores);
        if (by_label)
          {
            json_builder_set_member_name (builder, "labels");
            json_builder_begin_object (builder);
            for (guint k = 0; k < gloss_agreement_get_n_labels (agreement); k++)
              {
                gloss_agreement_get_span_scores (agreement, a, b, match, k, &scores);
                add_json_span_scores (builder, gloss_agreement_get_label (agreement, k), &scores);
              }
            json_builder_end_object (builder);
          }
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

typedef double (*TokenScore) (GlossAgreement *agreement,
                              guint           first,
                              guint           second,
                              guint           label);

static double
cohen_score (GlossAgreement *agreement,
             guint           first,
             guint           second,
             guint           label)
{
  return gloss_agreement_get_cohen_kappa (agreement, first, second, label);
}

static double
fleiss_score (GlossAgreement *agreement,
              guint           first,
              guint           second,
              guint           label)
{
  return gloss_agreement_get_fleiss_kappa (agreement, label);
}

static double
alpha_score (GlossAgreement *agreement,
             guint           first,
             guint           second,
             guint           label)
{
  return gloss_agreement_get_krippendorff_alpha (agreement, label);
}

/* "all": the score over every label, and with @by_label "labels": the score
 * of each label against the rest. */
static void
add_json_token_scores (JsonBuilder    *builder,
                       GlossAgreement *agreement,
                       TokenScore      score,
                       guint           first,
                       guint           second,
                       gboolean        by_label)
{
  add_json_score (builder, "all", score (agreement, first, second, GLOSS_AGREEMENT_ALL_LABELS));
  if (!by_label)
    return;

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint k = 0; k < gloss_agreement_get_n_labels (agreement); k++)
    add_json_score (builder, gloss_agreement_get_label (agreement, k), score (agreement, first, second, k));
  json_builder_end_object (builder);
}

static void
add_json_tokens (JsonBuilder    *builder,
                 GlossAgreement *agreement,
                 gboolean        by_label)
{
  guint n_annotators = gloss_agreement_get_n_annotators (agreement);

  json_builder_set_member_name (builder, "cohen_kappa");
  json_builder_begin_array (builder);
  for (guint a = 0; a < n_annotators; a++)
    for (guint b = a + 1; b < n_annotators; b++)
      {
        json_builder_begin_object (builder);
        add_json_pair (builder, agreement, a, b);
        add_json_token_scores (builder, agreement, cohen_score, a, b, by_label);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);

  if (n_annotators >= 3)
    {
      json_builder_set_member_name (builder, "fleiss_kappa");
      json_builder_begin_object (builder);
      add_json_token_scores (builder, agreement, fleiss_score, 0, 0, by_label);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "krippendorff_alpha");
  json_builder_begin_object (builder);
  add_json_token_scores (builder, agreement, alpha_score, 0, 0, by_label);
  json_builder_end_object (builder);
}

static void
add_json_problems (JsonBuilder    *builder,
                   GlossAgreement *agreement)
{
  GPtrArray *problems = gloss_agreement_get_problems (agreement);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossAgreementProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, problem->kind == GLOSS_AGREEMENT_MISSING_DOCUMENT
                                              ? "missing-document" : "text-differs");
      json_builder_set_member_name (builder, "document");
      json_builder_add_string_value (builder, problem->document);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, gloss_agreement_get_annotator (agreement, problem->annotator));
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, gloss_agreement_get_annotator (agreement, problem->reference));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_agree_json (GlossAgreement      *agreement,
                  GlossAgreementMatch  match,
                  gboolean             by_label)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_agreement_get_n_annotators (agreement); i++)
    json_builder_add_string_value (builder, gloss_agreement_get_annotator (agreement, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  for (guint k = 0; k < gloss_agreement_get_n_labels (agreement); k++)
    json_builder_add_string_value (builder, gloss_agreement_get_label (agreement, k));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, gloss_agreement_get_n_documents (agreement));
  json_builder_set_member_name (builder, "tokens");
  json_builder_add_int_value (builder, gloss_agreement_get_n_tokens (agreement));
  add_json_problems (builder, agreement);
  add_json_spans (builder, agreement, match, by_label);
  add_json_tokens (builder, agreement, by_label);
  json_builder_end_object (builder);

  print_json (builder);
}

/* Loads every corpus, printing each failure; %FALSE if any failed. */
static gboolean
load_corpora (char      **inputs,
              GPtrArray  *corpora)
{
  gboolean ok = TRUE;

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      GlossCorpus *corpus;

      corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
      if (corpus == NULL)
        {
          print_error ("%s: %s", inputs[i], error->message);
          ok = FALSE;
          continue;
        }

      print_file_warnings (inputs[i], problems);
      g_ptr_array_add (corpora, corpus);
    }

  return ok;
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GPtrArray) corpora = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  GlossAgreementMatch match;
  GPtrArray *problems;
  gboolean json = FALSE;
  gboolean by_label = FALSE;
  gboolean partial = FALSE;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of tables"), NULL },
    { "by-label", 'l', 0, G_OPTION_ARG_NONE, &by_label, N_("Give the scores of each label too"), NULL },
    { "partial", 'p', 0, G_OPTION_ARG_NONE, &partial,
      N_("Match spans of the same label that overlap, not only identical ones"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("agree", _("CORPUS CORPUS…"),
                      _("Compares corpora that different people labelled, document by document (same\n"
                        "id, same text): precision, recall and F1 of the spans for each pair of\n"
                        "annotators, and on tokens Cohen’s κ for each pair, Fleiss’ κ (three or more\n"
                        "corpora) and Krippendorff’s α. “n/a” marks a score that is undefined, such\n"
                        "as κ when no one labelled anything. A document missing from a corpus or\n"
                        "with another text there is reported, and makes the exit status 1."),
                      entries, &argc, &argv))
    return GLOSS_CLI_USAGE;

  if (inputs == NULL || inputs[0] == NULL || inputs[1] == NULL)
    {
      print_error (_("give two or more corpora"));
      return GLOSS_CLI_USAGE;
    }

  if (!load_corpora (inputs, corpora))
    return GLOSS_CLI_BAD_INPUT;

  agreement = gloss_agreement_compute ((GlossCorpus * const *)corpora->pdata, (const char * const *)inputs,
                                       corpora->len, NULL, &error);
  g_assert (agreement != NULL);

  /* The problems first: on a terminal they then come before the scores
   * they qualify. */
  problems = gloss_agreement_get_problems (agreement);
  for (guint i = 0; i < problems->len; i++)
    print_error ("%s", ((GlossAgreementProblem *)g_ptr_array_index (problems, i))->message);
  fflush (stderr);

  match = partial ? GLOSS_AGREEMENT_PARTIAL : GLOSS_AGREEMENT_EXACT;
  if (json)
    print_agree_json (agreement, match, by_label);
  else
    print_agree_table (agreement, match, by_label);

  return problems->len > 0 ? GLOSS_CLI_BAD_INPUT : GLOSS_CLI_OK;
}
