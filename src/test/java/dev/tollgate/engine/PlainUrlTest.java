package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainUrl} must give what {@link java.net.URI} gives ({@link Hosts#urlByUri}) wherever it answers, and must
 * answer for the URLs configuration files hold, so that it cannot pass by always deferring.
 */
class PlainUrlTest {

    private static final List<String> COMMON = List.of("https://api.example.com/v1/users?id=1#top",
            "postgres://app:s3cret@db:5432/app", "redis://cache:6379/0", "http://localhost:8080",
            "http://10.0.0.12:9200/_search", "amqp://guest:guest@rabbitmq:5672/", "ws://chat.example.com/socket",
            "HTTPS://Example.COM/Path", "smtp://mail.example.org:587",
            "mongodb://user@mongo-0.mongo.svc.cluster.local/db",
            "https://example.com.", "http://a-b.c-d.io/", "git+ssh://git@github.com/acme/app.git", "http://h:",
            "https://x.io/a;b=c/d@e?f=[1]&g=/h?i#frag/ment?", "s3://bucket-name/key/path");

    private static final List<String> EDGES = List.of("http://my_host/x", "http://1.2.3/x", "http://999.1.1.1/",
            "http://1.2.3.4.5/", "http://0001.2.3.4/", "http://01.2.3.4:80/", "http://[::1]:8080/", "http://a..b/",
            "http://-a.com/", "http://a-.com/", "http://a.1com/", "http://8080/", "http:///path", "http://h:8o/",
            "http://h:99999999999/", "http://u@v@h/", "http://u%20@h/", "http://h/a%2Fb", "http://h/a b", "a:b://c",
            "1http://h/", "http://h/#a#b", "http://h/?q=[x]", "http://h/p[1]", "http://hé.com/", "http://h:80x/",
            "http://user:@h/", "http://:pw@h/", "http://@h/", "http://h.com:/", "  https://padded.example.com/  ",
            "http://a.b.c.d.e.f/", "http://1a.b/", "http://a.b1/", "http://h/?", "http://h/#",
            "jdbc:postgresql://db/x");

    @Test
    void commonUrlsAreSplitByHandAsUriSplitsThem() {
        for (String url : COMMON) {
            assertNotNull(PlainUrl.split(url.strip(), url.strip().indexOf("://")), url);
            assertEquals(Hosts.urlByUri(url), Hosts.url(url), url);
        }
    }

    @Test
    void edgeCasesGiveWhatUriGives() {
        for (String url : EDGES) {
            assertEquals(Hosts.urlByUri(url), Hosts.url(url), url);
        }
    }

    @Test
    void randomUrlishTextsGiveWhatUriGives() {
        Random random = new Random(11);
        String[] pieces = {"a", "Z", "0", "9", "255", "256", "1", ".", "..", "-", "_", ":", "@", "/", "?", "#", "%",
            "%2F", "[", "]", " ", "é", "+", "~", "!", "$", "&", "'", "(", "*", ",", ";", "=", "host", "example.com",
            "8080", "user:pw@", "://"};
        String[] schemes = {"http", "https", "postgres", "a+b", "1x", "x.y-z", "s"};
        int answered = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder(schemes[random.nextInt(schemes.length)]).append("://");
            if (random.nextBoolean()) {
                // shaped like a URL: [user[:pw]@]labels[:port][/path][?query][#fragment], each part from the pieces
                if (random.nextInt(3) == 0) {
                    text.append(part(random, pieces)).append(random.nextBoolean() ? ":" + part(random, pieces) : "")
                            .append('@');
                }
                for (int labels = 1 + random.nextInt(3); labels > 0; labels--) {
                    text.append(part(random, pieces)).append(labels > 1 ? "." : "");
                }
                text.append(random.nextBoolean() ? ":" + random.nextInt(70_000) : "");
                text.append(random.nextBoolean() ? "/" + part(random, pieces) : "");
                text.append(random.nextInt(3) == 0 ? "?" + part(random, pieces) : "");
                text.append(random.nextInt(4) == 0 ? "#" + part(random, pieces) : "");
            } else {
                for (int i = random.nextInt(10); i > 0; i--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String url = text.toString();
            if (PlainUrl.split(url.strip(), url.strip().indexOf("://")) != null) {
                answered++;
            }
            assertEquals(Hosts.urlByUri(url), Hosts.url(url), url);
        }
        // The generator must reach the hand-split path often, or this test would prove nothing about it.
        org.junit.jupiter.api.Assertions.assertTrue(answered > 3_000, "answered " + answered);
    }

    /** One to three pieces, mostly letters and digits so that a part is often valid. */
    private static String part(Random random, String[] pieces) {
        StringBuilder part = new StringBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            part.append(random.nextInt(3) > 0 ? "abc09xyz".substring(random.nextInt(4), 4 + random.nextInt(4))
                    : pieces[random.nextInt(pieces.length)]);
        }
        return part.toString();
    }
}
