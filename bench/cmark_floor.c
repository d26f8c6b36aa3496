/* The libcmark floor for bench/run.sh: the least work a single-threaded Markdown site generator does.
 *
 *   cmark_floor ROOT LIST OUT     (OUT = "-": render only, write nothing)
 *
 * LIST names one Markdown file per line, relative to ROOT. For each, reads the file, skips a YAML front
 * matter block ("---" line ... "---" line), renders the rest with cmark_markdown_to_html and writes it to
 * OUT/<same path>.html, creating folders as needed. Built by bench/run.sh with `cc -O2 ... -lcmark`.
 */
#include <cmark.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) buf = realloc(buf, cap *= 2);
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0) break;
        n += got;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Offset of the Markdown body: after the closing "---" line of a leading front matter block, else 0. */
static size_t body_start(const char *text, size_t len) {
    if (len < 4 || strncmp(text, "---\n", 4) != 0) return 0;
    for (size_t i = 4; i + 3 <= len; i++) {
        if ((i == 4 || text[i - 1] == '\n') && strncmp(text + i, "---", 3) == 0 &&
            (i + 3 == len || text[i + 3] == '\n')) {
            return i + 3 < len ? i + 4 : len;
        }
    }
    return 0;
}

static void make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(1); }
        *p = '/';
    }
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: cmark_floor ROOT LIST OUT|-\n"); return 2; }
    const char *root = argv[1], *out = argv[3];
    int write = strcmp(out, "-") != 0;
    FILE *list = fopen(argv[2], "r");
    if (!list) { perror(argv[2]); return 1; }
    char line[4096], path[8192];
    long files = 0, bytes = 0;
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = '\0';
        if (!*line) continue;
        snprintf(path, sizeof path, "%s/%s", root, line);
        size_t len;
        char *text = read_all(path, &len);
        if (!text) { perror(path); return 1; }
        size_t start = body_start(text, len);
        char *html = cmark_markdown_to_html(text + start, len - start, CMARK_OPT_DEFAULT);
        size_t html_len = strlen(html);
        if (write) {
            snprintf(path, sizeof path, "%s/%s.html", out, line);
            make_parents(path);
            FILE *f = fopen(path, "wb");
            if (!f || fwrite(html, 1, html_len, f) != html_len || fclose(f) != 0) { perror(path); return 1; }
        }
        free(html);
        free(text);
        files++;
        bytes += (long)html_len;
    }
    fclose(list);
    fprintf(stderr, "cmark_floor: %ld files, %ld bytes of HTML\n", files, bytes);
    return 0;
}
