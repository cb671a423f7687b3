/* The floor of the benchmark: what parsing and rendering the corpus's Markdown costs with cmark alone.
 *
 *   cmark_floor [-j THREADS] CONTENT_DIR
 *
 * Finds every *.md file under CONTENT_DIR, reads it, strips the YAML front matter (a first line "---" up to the next
 * line "---"), and parses + renders the body to HTML with cmark (CMARK_OPT_DEFAULT, as Charter parses), writing
 * nothing. With -j the files are shared out over THREADS threads (default 1). Prints the number of files, the
 * Markdown and HTML bytes and the time taken inside the program on stdout.
 *
 * Build: cc -O2 -o cmark_floor cmark_floor.c $(pkg-config --cflags --libs libcmark) -lpthread
 */
#define _XOPEN_SOURCE 700
#include <cmark.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char **paths;
static size_t npaths, cap;

static int collect(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st; (void)ftw;
    size_t n = strlen(path);
    if (flag == FTW_F && n > 3 && strcmp(path + n - 3, ".md") == 0) {
        if (npaths == cap) {
            cap = cap ? cap * 2 : 1024;
            paths = realloc(paths, cap * sizeof *paths);
            if (!paths) { perror("realloc"); exit(2); }
        }
        paths[npaths++] = strdup(path);
    }
    return 0;
}

/* The body after the front matter, or the whole text when there is none. */
static const char *body_of(const char *text, size_t len, size_t *body_len) {
    if (len >= 4 && strncmp(text, "---\n", 4) == 0) {
        const char *p = text + 4;
        const char *end = text + len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *line_end = nl ? nl : end;
            if (line_end - p == 3 && strncmp(p, "---", 3) == 0) {
                const char *body = nl ? nl + 1 : end;
                *body_len = (size_t)(end - body);
                return body;
            }
            p = nl ? nl + 1 : end;
        }
    }
    *body_len = len;
    return text;
}

struct work { size_t first, step; size_t in, out; };

static void *run(void *arg) {
    struct work *w = arg;
    for (size_t i = w->first; i < npaths; i += w->step) {
        FILE *f = fopen(paths[i], "rb");
        if (!f) { perror(paths[i]); exit(2); }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *text = malloc((size_t)len + 1);
        if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) { perror(paths[i]); exit(2); }
        fclose(f);
        size_t body_len;
        const char *body = body_of(text, (size_t)len, &body_len);
        char *html = cmark_markdown_to_html(body, body_len, CMARK_OPT_DEFAULT);
        w->in += body_len;
        w->out += strlen(html);
        free(html);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 1;
    int arg = 1;
    if (argc > 2 && strcmp(argv[1], "-j") == 0) {
        threads = atoi(argv[2]);
        arg = 3;
    }
    if (arg >= argc || threads < 1) {
        fprintf(stderr, "usage: cmark_floor [-j THREADS] CONTENT_DIR\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (nftw(argv[arg], collect, 32, FTW_PHYS) != 0) { perror(argv[arg]); return 2; }
    struct work *works = calloc((size_t)threads, sizeof *works);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    for (int t = 0; t < threads; t++) {
        works[t] = (struct work){ .first = (size_t)t, .step = (size_t)threads };
        if (pthread_create(&ids[t], NULL, run, &works[t]) != 0) { perror("pthread_create"); return 2; }
    }
    size_t in = 0, out = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        in += works[t].in;
        out += works[t].out;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%zu files, %zu bytes of Markdown, %zu bytes of HTML, %.3f s, %d thread%s, cmark %s\n",
           npaths, in, out, seconds, threads, threads == 1 ? "" : "s", cmark_version_string());
    return 0;
}
