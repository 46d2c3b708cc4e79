package dev.tollgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UriReferenceTest {

    @Test
    void keepsPlainRelativePaths() {
        assertEquals("deploy/k8s/web-1_a.yaml", UriReference.of("deploy/k8s/web-1_a.yaml"));
        assertEquals(".env", UriReference.of(".env"));
    }

    @Test
    void encodesSpacesPercentAndBrackets() {
        assertEquals("my%20dir/a%2520b%5B1%5D.yaml", UriReference.of("my dir/a%20b[1].yaml"));
    }

    @Test
    void encodesAColonSoTheFirstSegmentIsNotAScheme() {
        assertEquals("c%3Adeploy.yaml", UriReference.of("c:deploy.yaml"));
    }

    @Test
    void encodesNonAsciiAsUtf8() {
        assertEquals("d%C3%A9ploiement/app.yaml", UriReference.of("déploiement/app.yaml"));
    }
}
