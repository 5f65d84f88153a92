package org.policykb.serve;

/**
 * The script the preview server adds to HTML pages: it long-polls for the next build, reloads the page when
 * one finishes, and shows the build's problems in a banner. Served as a file so pages keep a strict CSP.
 */
final class LiveReload {
    static final String WAIT_PATH = "/_policykb/wait";

    private LiveReload() {
    }

    static long since(String rawQuery) {
        if (rawQuery != null) {
            for (String part : rawQuery.split("&")) {
                if (part.startsWith("since=") && part.substring(6).matches("\\d{1,18}")) {
                    return Long.parseLong(part.substring(6));
                }
            }
        }
        return -1;
    }

    static String script() {
        return """
                (function () {
                  'use strict';
                  var seen = null;
                  function banner(problems) {
                    var old = document.getElementById('policykb-problems');
                    if (old) { old.remove(); }
                    if (!problems.length) { return; }
                    var box = document.createElement('div');
                    box.id = 'policykb-problems';
                    box.setAttribute('role', 'alert');
                    box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;'
                      + 'background:#fff3f3;color:#7a0000;border-top:2px solid #c00;padding:8px 12px;font:13px/1.5 monospace;z-index:99999';
                    var title = document.createElement('strong');
                    title.textContent = '构建发现 ' + problems.length + ' 个问题 / build problems:';
                    box.appendChild(title);
                    problems.forEach(function (p) {
                      var line = document.createElement('div');
                      line.textContent = p;
                      box.appendChild(line);
                    });
                    document.body.appendChild(box);
                  }
                  function poll() {
                    fetch('%s?since=' + (seen === null ? -1 : seen), {cache: 'no-store'})
                      .then(function (r) { return r.json(); })
                      .then(function (s) {
                        if (seen !== null && s.generation > seen) { location.reload(); return; }
                        seen = s.generation;
                        banner(s.problems);
                        poll();
                      })
                      .catch(function () { setTimeout(poll, 1000); });
                  }
                  poll();
                })();
                """.formatted(WAIT_PATH);
    }
}
