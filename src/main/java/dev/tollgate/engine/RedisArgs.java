package dev.tollgate.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration a {@code redis-server} command line sets:
 * {@code redis-server [config-file] [--key value...]}. Redis takes the words after {@code --key} up to the next
 * {@code --} as its value, so {@code --save 60 1} sets {@code save} to {@code "60 1"} and {@code --save ""} sets it to
 * the empty string (snapshots off). A config file given as the first argument is reported under {@code config_file}:
 * what it sets is not visible here.
 */
final class RedisArgs {

    private RedisArgs() {
    }

    static Map<String, Object> config(List<String> words) {
        Map<String, Object> out = new LinkedHashMap<>();
        int i = 0;
        // Skip everything up to and including the redis-server binary (e.g. `docker-entrypoint.sh redis-server`).
        for (int j = 0; j < words.size(); j++) {
            if (words.get(j).endsWith("redis-server") || words.get(j).endsWith("redis-stack-server")) {
                i = j + 1;
                break;
            }
        }
        if (i < words.size() && !words.get(i).startsWith("--")) {
            out.put("config_file", words.get(i));
            i++;
        }
        while (i < words.size()) {
            String w = words.get(i);
            if (!w.startsWith("--") || w.length() == 2) {
                i++;
                continue;
            }
            String key = w.substring(2).toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            while (j < words.size() && !(words.get(j).startsWith("--") && words.get(j).length() > 2)) {
                if (value.length() > 0) {
                    value.append(' ');
                }
                value.append(words.get(j));
                j++;
            }
            out.put(key, value.toString());
            i = j;
        }
        return out;
    }
}
