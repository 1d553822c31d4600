/* test-span-layout.c: the pure drawing logic of the document view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "gloss-span-layout.h"

/* Checks what greedy interval colouring promises: overlapping intervals
 * never share a level, and the number of levels is the depth (the most
 * intervals covering one point). */
static void
check_levels (const GlossInterval *intervals,
              guint                n,
              const guint         *levels,
              guint                n_levels)
{
  guint depth = 0;

  for (guint i = 0; i < n; i++)
    {
      guint covering = 0;

      g_assert_cmpuint (levels[i], <, n_levels);

      for (guint j = 0; j < n; j++)
        {
          gboolean overlap = intervals[i].start < intervals[j].end &&
                             intervals[j].start < intervals[i].end;

          if (i != j && overlap)
            g_assert_cmpuint (levels[i], !=, levels[j]);
          if (intervals[j].start <= intervals[i].start && intervals[i].start < intervals[j].end)
            covering++;
        }

      depth = MAX (depth, covering);
    }

  g_assert_cmpuint (n_levels, ==, depth);
}

static void
test_levels_empty (void)
{
  g_assert_cmpuint (gloss_span_layout_assign_levels (NULL, 0, NULL), ==, 0);
}

static void
test_levels_disjoint (void)
{
  /* Touching intervals are not overlapping: they share level 0. */
  const GlossInterval intervals[] = { { 0, 5 }, { 5, 9 }, { 12, 20 } };
  guint levels[G_N_ELEMENTS (intervals)];
  guint n;

  n = gloss_span_layout_assign_levels (intervals, G_N_ELEMENTS (intervals), levels);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (levels[0], ==, 0);
  g_assert_cmpuint (levels[1], ==, 0);
  g_assert_cmpuint (levels[2], ==, 0);
}

static void
test_levels_nested (void)
{
  /* "Hello world" as a whole, its words, and a letter inside a word. */
  const GlossInterval intervals[] = { { 0, 11 }, { 0, 5 }, { 1, 3 }, { 6, 11 } };
  guint levels[G_N_ELEMENTS (intervals)];
  guint n;

  n = gloss_span_layout_assign_levels (intervals, G_N_ELEMENTS (intervals), levels);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (levels[0], ==, 0);
  g_assert_cmpuint (levels[1], ==, 1);
  g_assert_cmpuint (levels[2], ==, 2);
  /* The second word reuses the level the first word gave back. */
  g_assert_cmpuint (levels[3], ==, 1);
  check_levels (intervals, G_N_ELEMENTS (intervals), levels, n);
}

static void
test_levels_chained (void)
{
  /* Each overlaps the next only: two levels alternate down the chain. */
  const GlossInterval intervals[] = { { 0, 4 }, { 2, 6 }, { 5, 9 }, { 8, 12 }, { 11, 15 } };
  guint levels[G_N_ELEMENTS (intervals)];
  guint n;

  n = gloss_span_layout_assign_levels (intervals, G_N_ELEMENTS (intervals), levels);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    g_assert_cmpuint (levels[i], ==, i % 2);
  check_levels (intervals, G_N_ELEMENTS (intervals), levels, n);
}

static void
test_levels_lowest_free (void)
{
  /* When levels 0 and 2 are free again, the next interval takes 0. */
  const GlossInterval intervals[] = { { 0, 3 }, { 0, 10 }, { 1, 4 }, { 5, 8 }, { 6, 9 } };
  guint levels[G_N_ELEMENTS (intervals)];
  guint n;

  n = gloss_span_layout_assign_levels (intervals, G_N_ELEMENTS (intervals), levels);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (levels[0], ==, 0);
  g_assert_cmpuint (levels[1], ==, 1);
  g_assert_cmpuint (levels[2], ==, 2);
  g_assert_cmpuint (levels[3], ==, 0);
  g_assert_cmpuint (levels[4], ==, 2);
  check_levels (intervals, G_N_ELEMENTS (intervals), levels, n);
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const GlossInterval *ia = a;
  const GlossInterval *ib = b;

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end < ib->end ? -1 : 1;
  return 0;
}

static void
test_levels_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (guint round = 0; round < 50; round++)
    {
      guint n = g_rand_int_range (rand, 1, 120);
      g_autofree GlossInterval *intervals = g_new (GlossInterval, n);
      g_autofree guint *levels = g_new (guint, n);
      guint n_levels;

      for (guint i = 0; i < n; i++)
        {
          intervals[i].start = g_rand_int_range (rand, 0, 300);
          intervals[i].end = intervals[i].start + g_rand_int_range (rand, 1, 40);
        }
      qsort (intervals, n, sizeof (GlossInterval), compare_intervals);

      n_levels = gloss_span_layout_assign_levels (intervals, n, levels);
      check_levels (intervals, n, levels, n_levels);
    }
}

static void
test_levels_many (void)
{
  const guint n = 20000;
  g_autofree GlossInterval *intervals = g_new (GlossInterval, n);
  g_autofree guint *levels = g_new (guint, n);
  guint n_levels;

  /* 20,000 words of a long document, every tenth one inside a sentence
   * span: two levels, whatever the length. */
  for (guint i = 0; i < n; i++)
    {
      if (i % 10 == 0)
        intervals[i] = (GlossInterval) { i * 6, i * 6 + 50 };
      else
        intervals[i] = (GlossInterval) { (i - 1) * 6 + 6, (i - 1) * 6 + 11 };
    }
  qsort (intervals, n, sizeof (GlossInterval), compare_intervals);
  n_levels = gloss_span_layout_assign_levels (intervals, n, levels);
  g_assert_cmpuint (n_levels, ==, 2);

  /* 20,000 spans nested in each other take a level each, and in
   * O(n log n): this would be too slow if every level were scanned. */
  for (guint i = 0; i < n; i++)
    intervals[i] = (GlossInterval) { i, 2 * n - i };
  n_levels = gloss_span_layout_assign_levels (intervals, n, levels);
  g_assert_cmpuint (n_levels, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (levels[i], ==, i);
}

static void
test_parse_color (void)
{
  GdkRGBA rgba;

  g_assert_true (gloss_span_layout_parse_color ("#3584e4", &rgba));
  g_assert_cmpfloat_with_epsilon (rgba.red, 0x35 / 255.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (rgba.green, 0x84 / 255.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (rgba.blue, 0xe4 / 255.0, 1e-6);
  g_assert_cmpfloat (rgba.alpha, ==, 1.0);

  g_assert_true (gloss_span_layout_parse_color ("#FFFFFF", &rgba));
  g_assert_cmpfloat (rgba.red, ==, 1.0);

  /* A broken colour still gives something to draw with. */
  g_assert_false (gloss_span_layout_parse_color ("blue", &rgba));
  g_assert_cmpfloat (rgba.alpha, ==, 1.0);
  g_assert_false (gloss_span_layout_parse_color ("#12345", &rgba));
  g_assert_false (gloss_span_layout_parse_color ("#12345g", &rgba));
  g_assert_false (gloss_span_layout_parse_color (NULL, &rgba));
}

static void
test_contrast (void)
{
  GdkRGBA black = { 0, 0, 0, 1 };
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA grey;

  g_assert_cmpfloat_with_epsilon (gloss_span_layout_luminance (&black), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_span_layout_luminance (&white), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_span_layout_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_span_layout_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_span_layout_contrast (&white, &white), 1.0, 1e-9);

  /* #767676 is the classic grey with 4.54:1 on white. */
  gloss_span_layout_parse_color ("#767676", &grey);
  g_assert_cmpfloat_with_epsilon (gloss_span_layout_contrast (&grey, &white), 4.54, 0.01);
}

static void
test_hsl_round_trip (void)
{
  const char *colors[] = { "#3584e4", "#2ec27e", "#e5a50a", "#c01c28", "#9141ac", "#000000", "#ffffff", "#777777" };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      GdkRGBA rgba;
      GdkRGBA back;
      double h, s, l;

      gloss_span_layout_parse_color (colors[i], &rgba);
      gloss_span_layout_rgb_to_hsl (&rgba, &h, &s, &l);
      g_assert_cmpfloat (h, >=, 0.0);
      g_assert_cmpfloat (h, <, 360.0);
      gloss_span_layout_hsl_to_rgb (h, s, l, &back);
      g_assert_cmpfloat_with_epsilon (back.red, rgba.red, 1e-6);
      g_assert_cmpfloat_with_epsilon (back.green, rgba.green, 1e-6);
      g_assert_cmpfloat_with_epsilon (back.blue, rgba.blue, 1e-6);
    }
}

static void
test_colors (void)
{
  /* The default labels, GNOME palette colours, and the hard cases: a pale
   * yellow on white, a dark navy on the dark background. */
  const char *colors[] = { "#3584e4", "#2ec27e", "#e5a50a", "#f6f5f4", "#ffff00", "#1a1a40", "#000000", "#ffffff" };

  for (guint dark = 0; dark < 2; dark++)
    for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
      {
        GdkRGBA base;
        GdkRGBA background;
        GdkRGBA text;
        GdkRGBA text_on;
        GdkRGBA under;
        GlossSpanColors span_colors;
        double h1, s1, l1, h2, s2, l2;

        gloss_span_layout_parse_color (colors[i], &base);
        gloss_span_layout_background (dark, &background);
        gloss_span_layout_colors (&base, dark, &span_colors);

        /* The underline stands out from the background... */
        g_assert_cmpfloat (gloss_span_layout_contrast (&span_colors.line, &background), >=,
                           GLOSS_SPAN_LAYOUT_MIN_LINE_CONTRAST);
        g_assert_cmpfloat (span_colors.line.alpha, ==, 1.0);

        /* ...in the label's own hue. */
        gloss_span_layout_rgb_to_hsl (&base, &h1, &s1, &l1);
        gloss_span_layout_rgb_to_hsl (&span_colors.line, &h2, &s2, &l2);
        if (s1 > 0.05 && l2 > 0.05 && l2 < 0.95)
          {
            double dh = fabs (h1 - h2);

            g_assert_cmpfloat (MIN (dh, 360.0 - dh), <, 2.0);
          }
        if (dark)
          g_assert_cmpfloat (l2, >=, l1);
        else
          g_assert_cmpfloat (l2, <=, l1);

        /* Text stays readable (4.5:1) under three overlapping fills, and
         * the fill stays visible. */
        g_assert_cmpfloat (span_colors.fill.alpha, >, 0.0);
        g_assert_cmpfloat (span_colors.fill.alpha, <, 0.5);
        gloss_span_layout_composite (&span_colors.fill, &background, &under);
        if (s1 > 0.2)
          g_assert_false (gdk_rgba_equal (&under, &background));
        under = background;
        for (guint k = 0; k < GLOSS_SPAN_LAYOUT_READABLE_STACK; k++)
          gloss_span_layout_composite (&span_colors.fill, &under, &under);
        gloss_span_layout_text (dark, &text);
        gloss_span_layout_composite (&text, &under, &text_on);
        g_assert_cmpfloat (gloss_span_layout_contrast (&text_on, &under), >=,
                           GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST);
      }
}

static void
test_colors_distinct (void)
{
  /* Two labels of different colours keep different underlines. */
  GdkRGBA blue, green;
  GlossSpanColors c1, c2;

  gloss_span_layout_parse_color ("#3584e4", &blue);
  gloss_span_layout_parse_color ("#2ec27e", &green);

  for (guint dark = 0; dark < 2; dark++)
    {
      gloss_span_layout_colors (&blue, dark, &c1);
      gloss_span_layout_colors (&green, dark, &c2);
      g_assert_false (gdk_rgba_equal (&c1.line, &c2.line));
      g_assert_false (gdk_rgba_equal (&c1.fill, &c2.fill));
    }
}

static void
test_composite (void)
{
  GdkRGBA over = { 1, 0, 0, 0.25 };
  GdkRGBA under = { 0, 0, 1, 1 };
  GdkRGBA result;

  gloss_span_layout_composite (&over, &under, &result);
  g_assert_cmpfloat_with_epsilon (result.red, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.green, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.blue, 0.75, 1e-9);
  g_assert_cmpfloat (result.alpha, ==, 1.0);
}

static double
text_contrast_over (const GdkRGBA *fill,
                    const GdkRGBA *span_fill,
                    gboolean       dark,
                    GdkRGBA       *under)
{
  GdkRGBA text;
  GdkRGBA text_on;

  gloss_span_layout_background (dark, under);
  gloss_span_layout_composite (fill, under, under);
  if (span_fill != NULL)
    gloss_span_layout_composite (span_fill, under, under);
  gloss_span_layout_text (dark, &text);
  gloss_span_layout_composite (&text, under, &text_on);

  return gloss_span_layout_contrast (&text_on, under);
}

static void
test_match_colors (void)
{
  const char *labels[] = { "#3584e4", "#2ec27e", "#e5a50a", "#c01c28", "#9141ac" };

  for (guint dark = 0; dark < 2; dark++)
    {
      GlossMatchColors colors;
      GdkRGBA background;
      GdkRGBA plain;
      GdkRGBA current;

      gloss_span_layout_match_colors (dark, &colors);
      gloss_span_layout_background (dark, &background);

      /* Text stays readable over a match and over the current one, and
       * under a span's fill on top of them. */
      g_assert_cmpfloat (text_contrast_over (&colors.fill, NULL, dark, &plain), >=, GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST);
      g_assert_cmpfloat (text_contrast_over (&colors.current_fill, NULL, dark, &current), >=,
                         GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST);
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          GlossSpanColors span;
          GdkRGBA base;
          GdkRGBA under;

          g_assert_true (gloss_span_layout_parse_color (labels[i], &base));
          gloss_span_layout_colors (&base, dark, &span);
          g_assert_cmpfloat (text_contrast_over (&colors.fill, &span.fill, dark, &under), >=,
                             GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST);
          g_assert_cmpfloat (text_contrast_over (&colors.current_fill, &span.fill, dark, &under), >=,
                             GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST);
        }

      /* A match shows on the page, the current one more, and its outline
       * stands out as a control's edge should (WCAG's 3:1). */
      g_assert_cmpfloat (gloss_span_layout_contrast (&plain, &background), >=, 1.1);
      g_assert_cmpfloat (gloss_span_layout_contrast (&current, &background), >=,
                         gloss_span_layout_contrast (&plain, &background) + 0.2);
      g_assert_cmpfloat (gloss_span_layout_contrast (&colors.current_border, &background), >=, 3.0);
    }
}

static void
test_first_match_after (void)
{
  const GlossSearchMatch matches[] = { { 2, 5 }, { 7, 9 }, { 9, 12 }, { 20, 21 } };
  const guint n = G_N_ELEMENTS (matches);

  g_assert_cmpuint (gloss_span_layout_first_match_after (NULL, 0, 10), ==, 0);
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 0), ==, 0);
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 4), ==, 0);
  /* A match ending where the screen starts is not on it. */
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 5), ==, 1);
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 9), ==, 2);
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 12), ==, 3);
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 20), ==, 3);
  g_assert_cmpuint (gloss_span_layout_first_match_after (matches, n, 21), ==, 4);

  /* Against a plain scan, on many matches. */
  {
    g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (GlossSearchMatch));

    for (guint i = 0; i < 1000; i++)
      {
        GlossSearchMatch match = { i * 7 + i % 3, i * 7 + i % 3 + 1 + i % 4 };

        g_array_append_val (many, match);
      }

    for (guint offset = 0; offset < 7100; offset += 13)
      {
        guint expected = 0;

        while (expected < many->len && g_array_index (many, GlossSearchMatch, expected).end <= offset)
          expected++;
        g_assert_cmpuint (gloss_span_layout_first_match_after ((GlossSearchMatch *)(gpointer)many->data,
                                                               many->len, offset), ==, expected);
      }
  }
}

static void
test_underline_roomy (void)
{
  double prev_end = 0.0;

  /* Three levels in 12 pixels: full pitch, a gap above each. */
  for (guint level = 0; level < 3; level++)
    {
      double offset, thickness;

      gloss_span_layout_underline (level, 3, 12.0, &offset, &thickness);
      g_assert_cmpfloat (thickness, ==, GLOSS_SPAN_LAYOUT_THICKNESS);
      g_assert_cmpfloat_with_epsilon (offset, level * GLOSS_SPAN_LAYOUT_PITCH +
                                      GLOSS_SPAN_LAYOUT_PITCH - GLOSS_SPAN_LAYOUT_THICKNESS, 1e-9);
      g_assert_cmpfloat (offset, >, prev_end);
      prev_end = offset + thickness;
      g_assert_cmpfloat (prev_end, <=, 12.0);
    }
}

static void
test_underline_packed (void)
{
  double prev_offset = -1.0;

  /* Eight levels in 12 pixels: packed closer, still apart and inside. */
  for (guint level = 0; level < 8; level++)
    {
      double offset, thickness;

      gloss_span_layout_underline (level, 8, 12.0, &offset, &thickness);
      g_assert_cmpfloat (thickness, >=, 1.0);
      g_assert_cmpfloat (offset, >=, 0.0);
      g_assert_cmpfloat (offset + thickness, <=, 12.0 + 1e-9);
      g_assert_cmpfloat (offset, >=, prev_offset + 1.0);
      prev_offset = offset;
    }
}

static void
test_underline_overfull (void)
{
  double offset, thickness;
  double last_offset;

  /* Forty levels in 12 pixels: one pixel each, the rest at the bottom. */
  gloss_span_layout_underline (0, 40, 12.0, &offset, &thickness);
  g_assert_cmpfloat (offset, ==, 0.0);
  g_assert_cmpfloat (thickness, ==, 1.0);
  gloss_span_layout_underline (5, 40, 12.0, &offset, &thickness);
  g_assert_cmpfloat (offset, ==, 5.0);
  gloss_span_layout_underline (11, 40, 12.0, &last_offset, &thickness);
  g_assert_cmpfloat (last_offset, ==, 11.0);
  gloss_span_layout_underline (39, 40, 12.0, &offset, &thickness);
  g_assert_cmpfloat (offset, ==, last_offset);

  /* A level above n_levels counts as more levels, not a crash. */
  gloss_span_layout_underline (3, 1, 12.0, &offset, &thickness);
  g_assert_cmpfloat (offset + thickness, <=, 12.0);

  /* No room at all still draws a pixel. */
  gloss_span_layout_underline (0, 1, 0.0, &offset, &thickness);
  g_assert_cmpfloat (thickness, ==, 1.0);
  g_assert_cmpfloat (offset, ==, 0.0);
}

static void
test_clip (void)
{
  guint s, e;

  g_assert_true (gloss_span_layout_clip (10, 20, 0, 100, &s, &e));
  g_assert_cmpuint (s, ==, 10);
  g_assert_cmpuint (e, ==, 20);

  /* A span over the whole document is drawn only where it is seen. */
  g_assert_true (gloss_span_layout_clip (0, 1000000, 5000, 7000, &s, &e));
  g_assert_cmpuint (s, ==, 5000);
  g_assert_cmpuint (e, ==, 7000);

  g_assert_true (gloss_span_layout_clip (4990, 5010, 5000, 7000, &s, &e));
  g_assert_cmpuint (s, ==, 5000);
  g_assert_cmpuint (e, ==, 5010);

  s = e = 42;
  g_assert_false (gloss_span_layout_clip (0, 5000, 5000, 7000, &s, &e));
  g_assert_false (gloss_span_layout_clip (7000, 7001, 5000, 7000, &s, &e));
  g_assert_false (gloss_span_layout_clip (10, 10, 0, 100, &s, &e));
  g_assert_cmpuint (s, ==, 42);
  g_assert_cmpuint (e, ==, 42);
}

static void
test_side_margin (void)
{
  /* A wide view centres 75 characters of 8 pixels: 600 pixels of text. */
  g_assert_cmpint (gloss_span_layout_side_margin (1000, 8, 75, 12), ==, 200);
  g_assert_cmpint (gloss_span_layout_side_margin (1001, 8, 75, 12), ==, 200);
  /* A narrow one (a phone) keeps the minimum. */
  g_assert_cmpint (gloss_span_layout_side_margin (360, 8, 75, 12), ==, 12);
  g_assert_cmpint (gloss_span_layout_side_margin (620, 8, 75, 12), ==, 12);
  g_assert_cmpint (gloss_span_layout_side_margin (0, 8, 75, 12), ==, 12);
  /* Before a font is known. */
  g_assert_cmpint (gloss_span_layout_side_margin (500, 0, 75, 12), ==, 250);
}

static void
test_extent (void)
{
  double x, w;

  /* Left to right: from the left of the first to the right of the last. */
  gloss_span_layout_extent (10, 8, 50, 7, &x, &w);
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (w, ==, 47);

  /* Right to left: the first character is the rightmost. */
  gloss_span_layout_extent (50, 7, 10, 8, &x, &w);
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (w, ==, 47);

  /* One character; a negative width (an RTL strong cursor) too. */
  gloss_span_layout_extent (20, 6, 20, 6, &x, &w);
  g_assert_cmpfloat (x, ==, 20);
  g_assert_cmpfloat (w, ==, 6);
  gloss_span_layout_extent (26, -6, 26, -6, &x, &w);
  g_assert_cmpfloat (x, ==, 20);
  g_assert_cmpfloat (w, ==, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/ui/span-layout/levels/empty", test_levels_empty);
  g_test_add_func ("/gloss/ui/span-layout/levels/disjoint", test_levels_disjoint);
  g_test_add_func ("/gloss/ui/span-layout/levels/nested", test_levels_nested);
  g_test_add_func ("/gloss/ui/span-layout/levels/chained", test_levels_chained);
  g_test_add_func ("/gloss/ui/span-layout/levels/lowest-free", test_levels_lowest_free);
  g_test_add_func ("/gloss/ui/span-layout/levels/random", test_levels_random);
  g_test_add_func ("/gloss/ui/span-layout/levels/many", test_levels_many);
  g_test_add_func ("/gloss/ui/span-layout/color/parse", test_parse_color);
  g_test_add_func ("/gloss/ui/span-layout/color/contrast", test_contrast);
  g_test_add_func ("/gloss/ui/span-layout/color/hsl", test_hsl_round_trip);
  g_test_add_func ("/gloss/ui/span-layout/color/span", test_colors);
  g_test_add_func ("/gloss/ui/span-layout/color/distinct", test_colors_distinct);
  g_test_add_func ("/gloss/ui/span-layout/color/composite", test_composite);
  g_test_add_func ("/gloss/ui/span-layout/color/match", test_match_colors);
  g_test_add_func ("/gloss/ui/span-layout/visible/first-match", test_first_match_after);
  g_test_add_func ("/gloss/ui/span-layout/underline/roomy", test_underline_roomy);
  g_test_add_func ("/gloss/ui/span-layout/underline/packed", test_underline_packed);
  g_test_add_func ("/gloss/ui/span-layout/underline/overfull", test_underline_overfull);
  g_test_add_func ("/gloss/ui/span-layout/visible/clip", test_clip);
  g_test_add_func ("/gloss/ui/span-layout/visible/extent", test_extent);
  g_test_add_func ("/gloss/ui/span-layout/reading/side-margin", test_side_margin);

  return g_test_run ();
}
