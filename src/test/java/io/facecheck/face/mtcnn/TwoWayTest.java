package io.facecheck.face.mtcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TwoWayTest {

    @Test
    void returnsResultsInTheJobsOrderWhateverTheCosts() {
        List<Integer> jobs = IntStream.range(0, 11).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> out = TwoWay.map(jobs, j -> (j * 7L) % 5, j -> {
            threads.add(Thread.currentThread().getName());
            return j * j;
        });
        assertThat(out).containsExactlyElementsOf(jobs.stream().map(j -> j * j).toList());
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(threads).as("work shared with the worker thread").contains("facecheck-detect-worker").hasSize(2);
        }
    }

    @Test
    void aFailingJobFailsTheCallAfterTheOtherSideHasFinished() {
        List<Integer> jobs = List.of(1, 2, 3, 4);
        assertThatThrownBy(() -> TwoWay.map(jobs, j -> j, j -> {
            if (j == 4) {
                throw new IllegalStateException("job " + j);
            }
            return j;
        })).isInstanceOf(IllegalStateException.class).hasMessage("job 4");
    }

    @Test
    void fewJobsStayOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertThat(TwoWay.map(List.of(5), j -> j, j -> Thread.currentThread().getName())).containsExactly(caller);
        assertThat(TwoWay.map(List.<Integer>of(), j -> j, j -> j)).isEmpty();
    }
}
