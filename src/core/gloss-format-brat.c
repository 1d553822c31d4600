/* gloss-format-brat.c: brat standoff, a folder of DOC.txt and DOC.ann pairs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-brat"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-export-formats.h"
#include "gloss-import-formats.h"
#include "gloss-limits.h"
#include "gloss-text.h"

#define CONF_NAME "annotation.conf"
#define CONF_UNIT_PREFIX "# offsets: "
#define MAX_STEM_BYTES 200

/* One "START END" piece of a text-bound annotation, in code points. */
typedef struct
{
  guint start;
  guint end;
} Fragment;

struct _GlossBratExporter
{
  GlossExporter parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossBratExporter, gloss_brat_exporter, GLOSS_TYPE_EXPORTER)

/* Shared helpers */

/* What ends a line for brat, which reads .ann files with Python's
 * splitlines(): these may not appear inside a line. */
static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* The .ann file is line based and its fields are separated by tabs, so a
 * note's line breaks and tabs are written as backslash escapes (\n, \r,
 * \t, and \uXXXX for the rarer line breaks); the backslash itself is
 * doubled so that the escaping can be undone exactly. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (is_line_break (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/* Reads the XXXX of a \uXXXX escape; a NUL or a surrogate is no character. */
static gboolean
parse_unicode_escape (const char *hex,
                      gunichar   *c)
{
  *c = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (hex[i]))
        return FALSE;
      *c = *c * 16 + g_ascii_xdigit_value (hex[i]);
    }

  return *c != 0 && g_unichar_validate (*c);
}

/* Undoes append_escaped(). A backslash before anything else is kept as it
 * is, so that notes written by hand lose nothing. */
static char *
unescape (const char *text)
{
  static const char escapes[] = "\\ntr";
  static const char meanings[] = "\\\n\t\r";
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *known = p[0] == '\\' && p[1] != '\0' ? strchr (escapes, p[1]) : NULL;
      gunichar c;

      if (p[0] == '\\' && p[1] == 'u' && parse_unicode_escape (p + 2, &c))
        {
          g_string_append_unichar (out, c);
          p += 5;
        }
      else if (known != NULL)
        {
          g_string_append_c (out, meanings[known - escapes]);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Cuts [start, end) at every line break, as brat does for a span that
 * crosses lines: the breaks themselves are left out, and so are empty
 * pieces between two breaks. The first and the last piece are kept even
 * when empty, so that the fragments always begin at @start and end at @end
 * and the span comes back whole on import. */
static void
split_fragments (GlossDocument *document,
                 guint          start,
                 guint          end,
                 GArray        *fragments)
{
  const char *p = gloss_document_get_text (document) + gloss_document_offset_to_byte (document, start);
  Fragment piece = { start, start };

  g_array_set_size (fragments, 0);

  for (guint i = start; i < end; i++, p = g_utf8_next_char (p))
    {
      if (!is_line_break (g_utf8_get_char (p)))
        continue;

      piece.end = i;
      if (piece.end > piece.start || fragments->len == 0)
        g_array_append_val (fragments, piece);
      piece.start = i + 1;
    }

  piece.end = end;
  g_array_append_val (fragments, piece);
}

/* What brat expects after the offsets: the fragments' text joined by a
 * space. */
static void
append_covered_text (GString       *out,
                     GlossDocument *document,
                     GArray        *fragments)
{
  const char *text = gloss_document_get_text (document);

  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);
      gsize from = gloss_document_offset_to_byte (document, fragment->start);
      gsize to = gloss_document_offset_to_byte (document, fragment->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, text + from, to - from);
    }
}

/* Export */

typedef struct
{
  GlossExporter *exporter;
  GFile         *folder;
  GString       *ann;
  GString       *notes;
  GArray        *fragments;
  GPtrArray     *labels;      /* label ids for annotation.conf, in order */
  GHashTable    *label_set;
  GHashTable    *names;       /* file names written */
  GHashTable    *stems;       /* case-folded stems taken */
} ExportRun;

static void
export_run_clear (ExportRun *run)
{
  g_clear_object (&run->folder);
  if (run->ann != NULL)
    g_string_free (g_steal_pointer (&run->ann), TRUE);
  if (run->notes != NULL)
    g_string_free (g_steal_pointer (&run->notes), TRUE);
  g_clear_pointer (&run->fragments, g_array_unref);
  g_clear_pointer (&run->labels, g_ptr_array_unref);
  g_clear_pointer (&run->label_set, g_hash_table_unref);
  g_clear_pointer (&run->names, g_hash_table_unref);
  g_clear_pointer (&run->stems, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportRun, export_run_clear)

static void
export_run_init (ExportRun     *run,
                 GlossExporter *exporter,
                 GlossCorpus   *corpus,
                 GFile         *folder)
{
  GlossSchema *schema = gloss_corpus_get_schema (corpus);

  run->exporter = exporter;
  run->folder = g_object_ref (folder);
  run->ann = g_string_new (NULL);
  run->notes = g_string_new (NULL);
  run->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  run->labels = g_ptr_array_new ();
  run->label_set = g_hash_table_new (g_str_hash, g_str_equal);
  run->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      const char *id = g_intern_string (gloss_label_get_id (gloss_schema_get_label (schema, i)));

      if (g_hash_table_add (run->label_set, (gpointer)id))
        g_ptr_array_add (run->labels, (gpointer)id);
    }
}

/* A file name made of a document id: no folder separators, nothing a
 * common file system refuses, no hidden files. */
static char *
sanitize_stem (const char *id)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = id; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", c) != NULL)
        g_string_append_c (stem, '_');
      else
        g_string_append_c (stem, c);
    }

  if (stem->str[0] == '.')
    stem->str[0] = '_';

  if (stem->len > MAX_STEM_BYTES)
    {
      gsize cut = MAX_STEM_BYTES;

      while (cut > 0 && (stem->str[cut] & 0xc0) == 0x80)
        cut--;
      g_string_truncate (stem, cut);
    }

  if (stem->len == 0)
    g_string_assign (stem, "doc");

  return g_string_free (stem, FALSE);
}

/* The stem of @document's two files, unique in the folder even on file
 * systems that ignore case. */
static char *
claim_stem (ExportRun     *run,
            GlossDocument *document)
{
  const char *id = gloss_document_get_id (document);
  g_autofree char *base = sanitize_stem (id);
  char *stem = g_strdup (base);

  for (guint n = 2; ; n++)
    {
      char *key = g_utf8_casefold (stem, -1);

      if (g_hash_table_add (run->stems, key))
        break;

      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, n);
    }

  if (!g_str_equal (base, id))
    gloss_exporter_report (run->exporter, document, NULL,
                           _("written as “%s.txt” and “%s.ann”: the document id is not a safe file name"),
                           stem, stem);
  else if (!g_str_equal (stem, id))
    gloss_exporter_report (run->exporter, document, NULL,
                           _("written as “%s.txt” and “%s.ann”: another document’s files have its name (file names may ignore case)"),
                           stem, stem);

  return stem;
}

static gboolean
write_file (ExportRun     *run,
            const char    *name,
            const char    *data,
            gsize          n_bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (run->folder, name);
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, n_bytes);

  g_hash_table_add (run->names, g_strdup (name));

  return gloss_write_file_atomically (file, bytes, FALSE, cancellable, error);
}

static void
append_text_bound (ExportRun      *run,
                   GlossDocument  *document,
                   GlossOffsetMap *map,
                   GlossSpan      *span,
                   guint           number)
{
  const char *label = g_intern_string (gloss_span_get_label (span));

  if (g_hash_table_add (run->label_set, (gpointer)label))
    g_ptr_array_add (run->labels, (gpointer)label);

  split_fragments (document, gloss_span_get_start (span), gloss_span_get_end (span), run->fragments);

  g_string_append_printf (run->ann, "T%u\t%s ", number, label);
  for (guint i = 0; i < run->fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (run->fragments, Fragment, i);

      g_string_append_printf (run->ann, "%s%u %u", i > 0 ? ";" : "",
                              gloss_offset_map_to_unit (map, fragment->start),
                              gloss_offset_map_to_unit (map, fragment->end));
    }
  g_string_append_c (run->ann, '\t');
  append_covered_text (run->ann, document, run->fragments);
  g_string_append_c (run->ann, '\n');
}

/* Fills run->ann with the T lines of @document, then its notes. */
static void
build_ann (ExportRun     *run,
           GlossDocument *document)
{
  g_autoptr(GlossOffsetMap) map = NULL;
  guint n_notes = 0;
  guint n_unwritten = 0;

  map = gloss_offset_map_new (gloss_document_get_text (document),
                              gloss_document_get_text_bytes (document),
                              gloss_exporter_get_offset_unit (run->exporter));
  g_string_truncate (run->ann, 0);
  g_string_truncate (run->notes, 0);

  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);
      const char *note = gloss_span_get_note (span);

      append_text_bound (run, document, map, span, i + 1);

      if (note != NULL && note[0] != '\0')
        {
          g_string_append_printf (run->notes, "#%u\tAnnotatorNotes T%u\t", ++n_notes, i + 1);
          append_escaped (run->notes, note);
          g_string_append_c (run->notes, '\n');
        }

      if ((gloss_span_get_annotator (span) != NULL && gloss_span_get_annotator (span)[0] != '\0') ||
          (gloss_span_get_created (span) != NULL && gloss_span_get_created (span)[0] != '\0'))
        n_unwritten++;
    }

  g_string_append_len (run->ann, run->notes->str, run->notes->len);

  if (n_unwritten > 0)
    gloss_exporter_report (run->exporter, document, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u span has an annotator or a creation time; brat has no place for them, so they were not written",
                                        "%u spans have an annotator or a creation time; brat has no place for them, so they were not written",
                                        n_unwritten),
                           n_unwritten);
}

static gboolean
export_document (ExportRun      *run,
                 GlossDocument  *document,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autofree char *stem = claim_stem (run, document);
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);

  build_ann (run, document);

  return write_file (run, txt_name, gloss_document_get_text (document),
                     gloss_document_get_text_bytes (document), cancellable, error) &&
         write_file (run, ann_name, run->ann->str, run->ann->len, cancellable, error);
}

static gboolean
export_conf (ExportRun     *run,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) conf = g_string_new (NULL);

  g_string_append (conf, "# brat configuration written by Gloss: its labels are the entity types.\n");
  g_string_append_printf (conf, CONF_UNIT_PREFIX "%s\n",
                          gloss_offset_unit_to_string (gloss_exporter_get_offset_unit (run->exporter)));
  g_string_append (conf, "\n[entities]\n");
  for (guint i = 0; i < run->labels->len; i++)
    g_string_append_printf (conf, "%s\n", (const char *)g_ptr_array_index (run->labels, i));

  /* Gloss spans may nest and cross freely; say so, or brat flags them. */
  g_string_append (conf, "\n[relations]\n"
                         "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                         "\n[events]\n"
                         "\n[attributes]\n");

  return write_file (run, CONF_NAME, conf->str, conf->len, cancellable, error);
}

static gboolean
ensure_folder (GFile         *folder,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (g_file_make_directory_with_parents (folder, cancellable, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    return TRUE;

  name = g_file_get_parse_name (folder);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
               _("%s exists and is not a folder; brat export writes a folder of files"), name);

  return FALSE;
}

/* Files of another export are left alone, but said, since importing the
 * folder later would pick them up too. */
static void
report_other_files (ExportRun    *run,
                    GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *folder = g_file_get_parse_name (run->folder);
  guint n_other = 0;
  GFileInfo *info;

  children = g_file_enumerate_children (run->folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return;

  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if ((g_str_has_suffix (name, ".ann") || g_str_has_suffix (name, ".txt")) &&
          !g_hash_table_contains (run->names, name))
        {
          if (n_other++ < 3)
            g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", name);
          else if (n_other == 4)
            g_string_append (names, ", …");
        }

      g_object_unref (info);
    }

  if (n_other > 0)
    gloss_exporter_report (run->exporter, NULL, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s holds %u other brat file (%s), not written by this export; it was left as it was",
                                        "%s holds %u other brat files (%s), not written by this export; they were left as they were",
                                        n_other),
                           folder, n_other, names->str);
}

static gboolean
gloss_brat_exporter_export_file (GlossExporter  *exporter,
                                 GlossCorpus    *corpus,
                                 GFile          *target,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_auto(ExportRun) run = { 0 };

  if (!ensure_folder (target, cancellable, error))
    return FALSE;

  export_run_init (&run, exporter, corpus, target);

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!export_document (&run, gloss_corpus_get_document (corpus, i), cancellable, error))
        return FALSE;
    }

  if (!export_conf (&run, cancellable, error))
    return FALSE;

  report_other_files (&run, cancellable);

  return TRUE;
}

static gboolean
gloss_brat_exporter_write_document (GlossExporter  *exporter,
                                    GlossCorpus    *corpus,
                                    GlossDocument  *document,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("brat writes a folder of .txt and .ann files, not one stream; export it to a folder"));

  return FALSE;
}

static void
gloss_brat_exporter_class_init (GlossBratExporterClass *klass)
{
  GlossExporterClass *exporter_class = GLOSS_EXPORTER_CLASS (klass);

  exporter_class->write_document = gloss_brat_exporter_write_document;
  exporter_class->export_file = gloss_brat_exporter_export_file;
  exporter_class->supports_offsets = TRUE;
}

static void
gloss_brat_exporter_init (GlossBratExporter *self)
{
}

/* Import */

/* Where the lines Gloss keeps but does not use go in the document's meta
 * `brat` object, by their id's first character. */
static const struct {
  char        prefix;
  const char *key;
} kept_kinds[] = {
  { 'R', "relations" },
  { 'E', "events" },
  { 'A', "attributes" },
  { 'M', "attributes" },
  { 'N', "normalizations" },
  { '*', "equivalences" },
  { '#', "notes" },
  { '\0', "other" },
};

typedef struct
{
  guint  line;
  char  *target;
  char  *note;
} PendingNote;

typedef struct
{
  GlossImportContext *ctx;
  GFile              *ann_file;
  char               *txt_name;
  GlossOffsetUnit     unit;
  const char         *conf_unit;   /* what annotation.conf says, or NULL */
  GlossDocument      *document;
  GlossOffsetMap     *map;
  GArray             *fragments;
  GHashTable         *spans;       /* T id → GlossSpan of document */
  GArray             *notes;       /* of PendingNote */
  GHashTable         *kept;        /* meta key → GPtrArray of lines */
  GHashTable         *kept_line;   /* meta key → first line number */
  guint               line;
} AnnReader;

static void
pending_note_clear (PendingNote *note)
{
  g_free (note->target);
  g_free (note->note);
}

static void
ann_reader_clear (AnnReader *reader)
{
  g_clear_object (&reader->ann_file);
  g_clear_pointer (&reader->txt_name, g_free);
  g_clear_object (&reader->document);
  g_clear_pointer (&reader->map, gloss_offset_map_free);
  g_clear_pointer (&reader->fragments, g_array_unref);
  g_clear_pointer (&reader->spans, g_hash_table_unref);
  g_clear_pointer (&reader->notes, g_array_unref);
  g_clear_pointer (&reader->kept, g_hash_table_unref);
  g_clear_pointer (&reader->kept_line, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnnReader, ann_reader_clear)

static void
ann_reader_init (AnnReader          *reader,
                 GlossImportContext *ctx,
                 GFile              *ann_file,
                 const char         *conf_unit)
{
  reader->ctx = ctx;
  reader->ann_file = g_object_ref (ann_file);
  reader->unit = gloss_import_context_get_options (ctx)->offset_unit;
  reader->conf_unit = conf_unit;
  reader->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  reader->spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->notes = g_array_new (FALSE, FALSE, sizeof (PendingNote));
  g_array_set_clear_func (reader->notes, (GDestroyNotify)pending_note_clear);
  reader->kept = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  reader->kept_line = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
set_line_error (AnnReader   *reader,
                GError     **error,
                int          code,
                const char  *message)
{
  g_autofree char *place = gloss_import_describe_place (reader->ann_file, reader->line);

  g_set_error (error, GLOSS_IMPORT_ERROR, code, "%s: %s", place, message);
}

/* A hint for offsets that do not fit the text: most often they count
 * another unit than the one they are read in. */
static char *
unit_hint (AnnReader *reader)
{
  const char *unit = gloss_offset_unit_to_string (reader->unit);

  if (reader->conf_unit != NULL && !g_str_equal (reader->conf_unit, unit))
    /* Translators: both %s are “codepoint”, “utf16” or “byte” */
    return g_strdup_printf (_("annotation.conf says the offsets count %s, but they were read as %s: try --offsets %s"),
                            reader->conf_unit, unit, reader->conf_unit);

  /* Translators: %s is “codepoint”, “utf16” or “byte” */
  return g_strdup_printf (_("the offsets were read as %s; if they count something else, say so with --offsets"), unit);
}

static gboolean
parse_number (const char  *text,
              guint       *value)
{
  guint64 parsed = 0;

  if (text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      parsed = parsed * 10 + (*p - '0');
      if (parsed > G_MAXUINT32)
        return FALSE;
    }

  *value = parsed;

  return TRUE;
}

/* Reads "START END;START END…" into reader->fragments, still in the
 * file's unit. */
static gboolean
parse_fragments (AnnReader   *reader,
                 const char  *id,
                 const char  *offsets,
                 GError     **error)
{
  g_auto(GStrv) pieces = g_strsplit (offsets, ";", -1);

  g_array_set_size (reader->fragments, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = g_strsplit (pieces[i], " ", -1);
      Fragment fragment;

      if (g_strv_length (numbers) != 2 ||
          !parse_number (numbers[0], &fragment.start) ||
          !parse_number (numbers[1], &fragment.end))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s: “%s” is not a pair of offsets; expected START END as whole numbers, with “;” between the fragments of a discontinuous span"),
                             id, pieces[i]);

          set_line_error (reader, error, GLOSS_IMPORT_ERROR_PARSE, message);
          return FALSE;
        }

      g_array_append_val (reader->fragments, fragment);
    }

  return TRUE;
}

static gboolean
offset_to_codepoint (AnnReader   *reader,
                     const char  *id,
                     guint        offset,
                     guint       *codepoint,
                     GError     **error)
{
  g_autofree char *message = NULL;
  g_autofree char *hint = NULL;
  guint length = gloss_offset_map_get_length (reader->map);

  if (gloss_offset_map_from_unit (reader->map, offset, codepoint))
    return TRUE;

  hint = unit_hint (reader);
  if (offset > length)
    message = g_strdup_printf (_("%s: the offset %u lies past the end of %s, which is %u long; %s"),
                               id, offset, reader->txt_name, length, hint);
  else
    message = g_strdup_printf (_("%s: the offset %u falls inside a character of %s, where no %s offset can be; %s"),
                               id, offset, reader->txt_name,
                               gloss_offset_unit_to_string (reader->unit), hint);

  set_line_error (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, message);

  return FALSE;
}

/* Turns reader->fragments into code points and checks their order. */
static gboolean
convert_fragments (AnnReader   *reader,
                   const char  *id,
                   GError     **error)
{
  for (guint i = 0; i < reader->fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (reader->fragments, Fragment, i);
      g_autofree char *message = NULL;

      if (fragment->start > fragment->end)
        message = g_strdup_printf (_("%s: the start %u comes after the end %u; expected START ≤ END"),
                                   id, fragment->start, fragment->end);
      else if (i > 0 && fragment->start < g_array_index (reader->fragments, Fragment, i - 1).end)
        message = g_strdup_printf (_("%s: the fragment %u %u overlaps or precedes the one before it; expected fragments in text order"),
                                   id, fragment->start, fragment->end);

      if (message != NULL)
        {
          set_line_error (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, message);
          return FALSE;
        }
    }

  /* Checked in the file's unit first, so that messages quote its numbers. */
  for (guint i = 0; i < reader->fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (reader->fragments, Fragment, i);

      if (!offset_to_codepoint (reader, id, fragment->start, &fragment->start, error) ||
          !offset_to_codepoint (reader, id, fragment->end, &fragment->end, error))
        return FALSE;
    }

  return TRUE;
}

static char *
escape_for_message (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text);

  return g_string_free (out, FALSE);
}

static gboolean
check_covered_text (AnnReader   *reader,
                    const char  *id,
                    const char  *written,
                    GError     **error)
{
  g_autoptr(GString) covered = g_string_new (NULL);
  g_autofree char *shown_written = NULL;
  g_autofree char *shown_covered = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *message = NULL;

  append_covered_text (covered, reader->document, reader->fragments);
  if (g_str_equal (covered->str, written))
    return TRUE;

  shown_written = escape_for_message (written);
  shown_covered = escape_for_message (covered->str);
  hint = unit_hint (reader);
  /* Translators: the texts are shown with \n and \t for line breaks and
   * tabs; the last %s is a hint about the offset unit */
  message = g_strdup_printf (_("%s: the line gives the text “%s”, but its offsets cover “%s” in %s; %s"),
                             id, shown_written, shown_covered, reader->txt_name, hint);
  set_line_error (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, message);

  return FALSE;
}

/* Gloss spans are continuous: fragments become one span from the first
 * start to the last end. That is exact for fragments cut at line breaks;
 * other gaps are said. */
static void
check_gaps (AnnReader  *reader,
            const char *id)
{
  const char *text = gloss_document_get_text (reader->document);

  for (guint i = 1; i < reader->fragments->len; i++)
    {
      gsize from = gloss_document_offset_to_byte (reader->document,
                                                  g_array_index (reader->fragments, Fragment, i - 1).end);
      gsize to = gloss_document_offset_to_byte (reader->document,
                                                g_array_index (reader->fragments, Fragment, i).start);

      for (gsize j = from; j < to; j = g_utf8_next_char (text + j) - text)
        if (!g_unichar_isspace (g_utf8_get_char (text + j)) && !is_line_break (g_utf8_get_char (text + j)))
          {
            g_autofree char *place = gloss_import_describe_place (reader->ann_file, reader->line);

            gloss_import_context_warn (reader->ctx, place,
                                       _("%s: its fragments are joined into one span, which also covers the text between them"),
                                       id);
            return;
          }
    }
}

static gboolean
add_text_bound (AnnReader   *reader,
                const char  *id,
                const char  *type,
                GError     **error)
{
  g_autofree char *place = gloss_import_describe_place (reader->ann_file, reader->line);
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) local_error = NULL;
  guint start = g_array_index (reader->fragments, Fragment, 0).start;
  guint end = g_array_index (reader->fragments, Fragment, reader->fragments->len - 1).end;
  const char *label;
  GlossSpan *same;

  label = gloss_import_context_ensure_label (reader->ctx, type, place);

  if ((same = gloss_document_find_span (reader->document, start, end, label)) != NULL)
    {
      gloss_import_context_warn (reader->ctx, place, _("%s repeats %s (the same type and text); it is kept once"),
                                 id, gloss_span_get_id (same));
      g_hash_table_insert (reader->spans, g_strdup (id), same);
      return TRUE;
    }

  span = gloss_span_new_full (id, start, end, label, NULL, NULL, NULL);
  if (!gloss_document_add_span (reader->document, span, &local_error))
    {
      set_line_error (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, local_error->message);
      return FALSE;
    }

  g_hash_table_insert (reader->spans, g_strdup (id), span);

  return TRUE;
}

static gboolean
read_text_bound (AnnReader   *reader,
                 const char  *id,
                 const char  *rest,
                 GError     **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *data = NULL;
  const char *space;
  g_autofree char *type = NULL;

  if (tab == NULL || (space = memchr (rest, ' ', tab - rest)) == NULL || space == rest)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: expected “%s<TAB>TYPE START END<TAB>TEXT”"), id, id);

      set_line_error (reader, error, GLOSS_IMPORT_ERROR_PARSE, message);
      return FALSE;
    }

  if (g_hash_table_contains (reader->spans, id))
    {
      g_autofree char *message = g_strdup_printf (_("%s is defined twice; each T id may be used once"), id);

      set_line_error (reader, error, GLOSS_IMPORT_ERROR_PARSE, message);
      return FALSE;
    }

  type = g_strndup (rest, space - rest);
  data = g_strndup (space + 1, tab - space - 1);

  if (!parse_fragments (reader, id, data, error) ||
      !convert_fragments (reader, id, error) ||
      !check_covered_text (reader, id, tab + 1, error))
    return FALSE;

  if (g_array_index (reader->fragments, Fragment, 0).start ==
      g_array_index (reader->fragments, Fragment, reader->fragments->len - 1).end)
    {
      g_autofree char *message = g_strdup_printf (_("%s: the span is empty; Gloss spans cover at least one character"), id);

      set_line_error (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, message);
      return FALSE;
    }

  check_gaps (reader, id);

  return add_text_bound (reader, id, type, error);
}

static void
keep_line (AnnReader  *reader,
           const char *line,
           guint       number)
{
  const char *key = kept_kinds[G_N_ELEMENTS (kept_kinds) - 1].key;
  GPtrArray *lines;

  for (guint i = 0; i < G_N_ELEMENTS (kept_kinds) - 1; i++)
    if (line[0] == kept_kinds[i].prefix)
      key = kept_kinds[i].key;

  if (!(lines = g_hash_table_lookup (reader->kept, key)))
    {
      lines = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (reader->kept, (gpointer)key, lines);
      g_hash_table_insert (reader->kept_line, (gpointer)key, GUINT_TO_POINTER (number));
    }

  g_ptr_array_add (lines, g_strdup (line));
}

/* "#N<TAB>AnnotatorNotes TARGET<TAB>NOTE"; notes may come before the
 * annotation they are about, so they are attached at the end. */
static gboolean
read_comment (AnnReader   *reader,
              const char  *line,
              const char  *rest,
              GError     **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *data = g_strndup (rest, tab != NULL ? (gsize)(tab - rest) : strlen (rest));
  char *target = strchr (g_strstrip (data), ' ');
  PendingNote pending;

  if (target != NULL)
    {
      *target++ = '\0';
      target = g_strchug (target);
    }

  /* Only notes about text-bound annotations have a place in Gloss. */
  if (!g_str_equal (data, "AnnotatorNotes") || (target != NULL && target[0] != 'T'))
    {
      keep_line (reader, line, reader->line);
      return TRUE;
    }

  if (target == NULL || strchr (target, ' ') != NULL)
    {
      set_line_error (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                      _("expected “#N<TAB>AnnotatorNotes ID<TAB>NOTE”, with the id of the annotation the note is about"));
      return FALSE;
    }

  pending.line = reader->line;
  pending.target = g_strdup (target);
  pending.note = unescape (tab != NULL ? tab + 1 : "");
  g_array_append_val (reader->notes, pending);

  return TRUE;
}

static gboolean
read_line (AnnReader   *reader,
           char        *line,
           GError     **error)
{
  char *tab = strchr (line, '\t');
  g_autofree char *id = NULL;

  if (tab == NULL || tab == line)
    {
      set_line_error (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                      _("expected an annotation id and a tab, as in “T1<TAB>TYPE START END<TAB>TEXT”"));
      return FALSE;
    }

  id = g_strndup (line, tab - line);

  if (line[0] == 'T')
    return read_text_bound (reader, id, tab + 1, error);

  if (line[0] == '#')
    return read_comment (reader, line, tab + 1, error);

  keep_line (reader, line, reader->line);

  return TRUE;
}

static gboolean
attach_notes (AnnReader   *reader,
              GError     **error)
{
  for (guint i = 0; i < reader->notes->len; i++)
    {
      PendingNote *pending = &g_array_index (reader->notes, PendingNote, i);
      GlossSpan *span = g_hash_table_lookup (reader->spans, pending->target);
      g_autofree char *joined = NULL;
      g_autofree char *place = NULL;
      const char *before;

      reader->line = pending->line;

      if (span == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the note is about %s, but no T line of this file defines %s"),
                             pending->target, pending->target);

          set_line_error (reader, error, GLOSS_IMPORT_ERROR_PARSE, message);
          return FALSE;
        }

      before = gloss_span_get_note (span);
      if (before != NULL && before[0] != '\0')
        {
          place = gloss_import_describe_place (reader->ann_file, pending->line);
          gloss_import_context_warn (reader->ctx, place,
                                     _("a second note about %s; the notes are joined, one a line"),
                                     pending->target);
          joined = g_strconcat (before, "\n", pending->note, NULL);
        }

      gloss_document_set_span_note (reader->document, span, joined != NULL ? joined : pending->note);
    }

  return TRUE;
}

/* Puts the lines Gloss does not use into the document's meta and says so,
 * one warning a kind. */
static void
store_kept_lines (AnnReader *reader)
{
  g_autoptr(JsonObject) brat = json_object_new ();
  g_autoptr(JsonObject) meta = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kept_kinds); i++)
    {
      const char *key = kept_kinds[i].key;
      GPtrArray *lines = g_hash_table_lookup (reader->kept, key);
      g_autofree char *place = NULL;
      JsonArray *array;

      if (lines == NULL || json_object_has_member (brat, key))
        continue;

      array = json_array_sized_new (lines->len);
      for (guint j = 0; j < lines->len; j++)
        json_array_add_string_element (array, g_ptr_array_index (lines, j));
      json_object_set_array_member (brat, key, array);

      place = gloss_import_describe_place (reader->ann_file,
                                           GPOINTER_TO_UINT (g_hash_table_lookup (reader->kept_line, key)));
      gloss_import_context_warn (reader->ctx, place,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "kept %u line in the document meta “brat.%s”; Gloss does not use it",
                                              "kept %u lines in the document meta “brat.%s”; Gloss does not use them",
                                              lines->len),
                                 lines->len, key);
    }

  if (json_object_get_size (brat) == 0)
    return;

  meta = json_object_new ();
  json_object_set_object_member (meta, "brat", g_steal_pointer (&brat));
  gloss_document_set_meta (reader->document, meta);
}

static gboolean
read_ann (AnnReader   *reader,
          char        *contents,
          GError     **error)
{
  char *line = contents;

  /* A byte-order mark some editors put first is no part of an id. */
  if (g_str_has_prefix (line, "\xef\xbb\xbf"))
    line += 3;

  for (reader->line = 1; line != NULL; reader->line++)
    {
      char *next = strchr (line, '\n');
      gsize len;

      if (next != NULL)
        *next++ = '\0';

      len = strlen (line);
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (line[strspn (line, " \t")] != '\0' && !read_line (reader, line, error))
        return FALSE;

      line = next;
    }

  if (!attach_notes (reader, error))
    return FALSE;

  store_kept_lines (reader);

  return TRUE;
}

static gboolean
check_utf8 (GFile       *file,
            const char  *data,
            gsize        n_bytes,
            GError     **error)
{
  g_autofree char *place = NULL;
  gsize bad_offset;
  guint bad_line;
  guint bad_column;

  if (gloss_text_validate_utf8 (data, n_bytes, &bad_offset, &bad_line, &bad_column))
    return TRUE;

  place = gloss_import_describe_place (file, bad_line);
  g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8,
               data[bad_offset] == '\0'
                 ? _("%s: a NUL byte at byte offset %lu (column %u); this is not a text file")
                 : _("%s: invalid UTF-8 at byte offset %lu (column %u); brat files must be UTF-8 (convert them first, for example with iconv)"),
               place, (gulong)bad_offset, bad_column);

  return FALSE;
}

/* Loads @file whole, as a NUL-terminated string of valid UTF-8. */
static char *
load_utf8 (GFile         *file,
           gsize         *n_bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;

  if (!gloss_limits_check_file (file, cancellable, error))
    return NULL;

  if (!g_file_load_contents (file, cancellable, &contents, n_bytes, NULL, &local_error))
    {
      g_autofree char *place = gloss_import_describe_place (file, 0);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                     "%s: %s", place, local_error->message);
      return NULL;
    }

  if (!check_utf8 (file, contents, *n_bytes, error))
    return NULL;

  return g_steal_pointer (&contents);
}

static char *
file_stem (GFile *file)
{
  char *name = g_file_get_basename (file);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return name;
}

/* The document of the .txt beside reader->ann_file, its text exactly as
 * the file has it: brat offsets count the raw text, line ends and all. */
static gboolean
load_document (AnnReader     *reader,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (reader->ann_file);
  g_autoptr(GFile) txt_file = NULL;
  g_autofree char *stem = file_stem (reader->ann_file);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  gsize n_bytes;

  reader->txt_name = g_strconcat (stem, ".txt", NULL);
  txt_file = g_file_get_child (parent, reader->txt_name);

  if (g_file_query_file_type (txt_file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *place = gloss_import_describe_place (reader->ann_file, 0);

      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                   _("%s: there is no %s beside it; brat keeps the text of DOC.ann in DOC.txt"),
                   place, reader->txt_name);
      return FALSE;
    }

  if (!(text = load_utf8 (txt_file, &n_bytes, cancellable, error)))
    return FALSE;

  id = gloss_import_context_make_document_id (reader->ctx, stem);
  reader->document = gloss_document_new (id, stem, text);
  gloss_document_set_source (reader->document, reader->txt_name);
  reader->map = gloss_offset_map_new (text, n_bytes, reader->unit);

  return TRUE;
}

static gboolean
import_pair (GlossImportContext  *ctx,
             GFile               *ann_file,
             const char          *conf_unit,
             GCancellable        *cancellable,
             GError             **error)
{
  g_auto(AnnReader) reader = { 0 };
  g_autofree char *contents = NULL;
  gsize n_bytes;

  ann_reader_init (&reader, ctx, ann_file, conf_unit);

  if (!load_document (&reader, cancellable, error) ||
      !(contents = load_utf8 (ann_file, &n_bytes, cancellable, error)) ||
      !read_ann (&reader, contents, error))
    return FALSE;

  return gloss_import_context_add_document (ctx, reader.document, error);
}

/* The unit an export by Gloss wrote into annotation.conf, if any, to help
 * when offsets do not fit. */
static const char *
read_conf_unit (GFile        *folder,
                GCancellable *cancellable)
{
  g_autoptr(GFile) conf = g_file_get_child (folder, CONF_NAME);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_load_contents (conf, cancellable, &contents, NULL, NULL, NULL))
    return NULL;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GlossOffsetUnit unit;

      if (g_str_has_prefix (lines[i], CONF_UNIT_PREFIX) &&
          gloss_offset_unit_from_string (g_strstrip (lines[i] + strlen (CONF_UNIT_PREFIX)), &unit))
        return gloss_offset_unit_to_string (unit);
    }

  return NULL;
}

static void
warn_if_unit_differs (GlossImportContext *ctx,
                      GFile              *folder,
                      const char         *conf_unit)
{
  const char *unit = gloss_offset_unit_to_string (gloss_import_context_get_options (ctx)->offset_unit);
  g_autoptr(GFile) conf = NULL;
  g_autofree char *place = NULL;

  if (conf_unit == NULL || g_str_equal (conf_unit, unit))
    return;

  conf = g_file_get_child (folder, CONF_NAME);
  place = gloss_import_describe_place (conf, 0);
  gloss_import_context_warn (ctx, place, _("it says the offsets count %s, but they were read as %s (see --offsets)"),
                             conf_unit, unit);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
warn_lone_txt (GlossImportContext *ctx,
               GFile              *folder,
               const char         *txt)
{
  g_autofree char *ann = g_strdup_printf ("%.*s.ann", (int)strlen (txt) - 4, txt);
  g_autoptr(GFile) file = g_file_get_child (folder, txt);
  g_autofree char *place = gloss_import_describe_place (file, 0);

  gloss_import_context_warn (ctx, place,
                             _("there is no %s beside it, so it was not imported (an empty %s imports it without spans)"),
                             ann, ann);
}

static void
warn_subfolder (GlossImportContext *ctx,
                GFile              *folder,
                const char         *name)
{
  g_autoptr(GFile) child = g_file_get_child (folder, name);
  g_autofree char *place = gloss_import_describe_place (child, 0);

  gloss_import_context_warn (ctx, place, _("a folder inside the folder was not imported; give it as an input of its own"));
}

/* The .ann files of @folder by name. A .txt without its .ann, and a
 * folder inside, are said. */
static GPtrArray *
list_ann_files (GlossImportContext  *ctx,
                GFile               *folder,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) txts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return NULL;

  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      gsize len = strlen (name);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".ann"))
        {
          g_ptr_array_add (names, g_strdup (name));
          g_hash_table_add (stems, g_strndup (name, len - 4));
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (txts, g_strdup (name));
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        warn_subfolder (ctx, folder, name);

      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_sort (txts, compare_names);

  for (guint i = 0; i < txts->len; i++)
    {
      const char *txt = g_ptr_array_index (txts, i);
      g_autofree char *stem = g_strndup (txt, strlen (txt) - 4);

      if (!g_hash_table_contains (stems, stem))
        warn_lone_txt (ctx, folder, txt);
    }

  return g_steal_pointer (&names);
}

static gboolean
import_folder (GlossImportContext  *ctx,
               GFile               *folder,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GPtrArray) names = NULL;
  const char *conf_unit;

  if (!(names = list_ann_files (ctx, folder, cancellable, error)))
    return FALSE;

  if (names->len == 0)
    {
      g_autofree char *place = gloss_import_describe_place (folder, 0);

      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY_FOLDER,
                   _("%s: no .ann files here; a brat folder holds DOC.txt and DOC.ann for each document"),
                   place);
      return FALSE;
    }

  conf_unit = read_conf_unit (folder, cancellable);
  warn_if_unit_differs (ctx, folder, conf_unit);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) ann = g_file_get_child (folder, g_ptr_array_index (names, i));

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_pair (ctx, ann, conf_unit, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _gloss_import_brat:
 * @file: a brat folder, or one of its .ann files
 *
 * Imports every DOC.ann of a folder (in name order) with its DOC.txt, or
 * the one pair of @file.
 */
gboolean
_gloss_import_brat (GlossImportContext  *ctx,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autofree char *place = gloss_import_describe_place (file, 0);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  const char *conf_unit;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

  if (type == G_FILE_TYPE_DIRECTORY)
    return import_folder (ctx, file, cancellable, error);

  if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                   _("%s: no such file or folder"), place);
      return FALSE;
    }

  if (!g_str_has_suffix (name, ".ann"))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                   _("%s: brat import takes a folder or a .ann file (with its .txt beside it)"), place);
      return FALSE;
    }

  parent = g_file_get_parent (file);
  conf_unit = read_conf_unit (parent, cancellable);
  warn_if_unit_differs (ctx, parent, conf_unit);

  return import_pair (ctx, file, conf_unit, cancellable, error);
}
