package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cache_node_memory_gib: the AWS-documented memory of ElastiCache node types, read from the bundled table. */
class CacheNodeTypesTest {

    @ParameterizedTest
    @CsvSource({
        "cache.t3.micro, 0.5",
        "cache.t4g.medium, 3.09",
        "cache.m5.large, 6.38",
        "cache.m6g.large, 6.38",
        "cache.m7g.xlarge, 12.93",
        "cache.r5.large, 13.07",
        "cache.r6g.2xlarge, 52.82",
        "cache.r7g.16xlarge, 419.09",
        "' CACHE.R7G.LARGE ', 13.07",
    })
    void knownNodeTypes_giveTheirMemory(String nodeType, double gib) {
        assertEquals(gib, CacheNodeTypes.memoryGib(nodeType), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"cache.x9.huge", "''", "db.m6g.large", "cache.r6gd.xlarge"})
    void unknownNodeTypes_giveMinusOne(String nodeType) {
        assertEquals(-1, CacheNodeTypes.memoryGib(nodeType), 0);
    }
}
