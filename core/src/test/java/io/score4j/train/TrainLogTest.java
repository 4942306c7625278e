package io.score4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainLogTest {
    @Test
    void oneLinePerEpochThenTheDivergedEpochWithTheMeanOfItsGoodSteps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.jsonl");
        TrainLog<Object> log = new TrainLog<>(file, "--log-json", 2, 3, 0);
        log.afterStep(1, 6, 4.0);
        log.afterStep(2, 6, 2.0);
        log.afterEpoch(1, 3, 3.0);
        log.afterStep(3, 6, 1.0);
        log.diverged(new TrainingDivergedException(4, "loss is NaN"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(1, first.get("epoch").asInt());
        assertEquals(3, first.get("epochs").asInt());
        assertEquals(2, first.get("step").asInt());
        assertEquals(3.0, first.get("loss").asDouble(), 0.0);
        assertTrue(first.get("steps_per_s").asDouble() > 0);
        JsonNode last = new ObjectMapper().readTree(lines.get(1));
        assertEquals(2, last.get("epoch").asInt());
        assertEquals(3, last.get("step").asInt());
        assertEquals(1.0, last.get("loss").asDouble(), 0.0);
        assertTrue(last.get("diverged").asText().contains("loss is NaN"), last.toString());
    }

    @Test
    void aResumedRunAppendsAndADivergenceBeforeAnyGoodStepHasNoLoss(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"epoch\":1}\n");
        TrainLog<Object> log = new TrainLog<>(file, "--log-json", 2, 3, 2);
        log.diverged(new TrainingDivergedException(3, "loss is Infinity"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode last = new ObjectMapper().readTree(lines.get(1));
        assertEquals(2, last.get("epoch").asInt());
        assertTrue(last.get("loss").isNull());
    }
}
