package io.facecheck.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsTest {

    @Test
    void lfw10GivesThe450And4500PairsOfTheProtocol() throws Exception {
        List<LabelledImage> imgs = Pairs.images(Paths.get("src/test/resources/lfw10"));
        assertThat(imgs).hasSize(100);
        assertThat(imgs.get(0).name()).isEqualTo("Ariel_Sharon/Ariel_Sharon_0001.jpg");
        List<Pair> pairs = Pairs.allPairs(imgs);
        assertThat(pairs).hasSize(4950);
        assertThat(pairs.stream().filter(Pair::same).count()).isEqualTo(450);
    }

    @Test
    void folderSetSkipsNonImagesAndKeepsMisnamedOnes(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("ann"));
        Path b = Files.createDirectories(dir.resolve("bob"));
        Files.write(a.resolve("1.jpg"), new byte[] {1});            // by name (corrupt: the loader will say so later)
        Files.write(a.resolve("2.JPEG"), new byte[] {1});
        Files.write(a.resolve("notes.txt"), "hello".getBytes());    // skipped
        Files.write(a.resolve(".hidden.jpg"), new byte[] {1});      // skipped
        Files.write(b.resolve("photo"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}); // by content
        Files.write(b.resolve("x.webp"), new byte[] {1});
        Files.write(b.resolve("y.png"), new byte[] {1});
        Files.write(dir.resolve("top.jpg"), new byte[] {1});        // not in a person folder
        List<LabelledImage> imgs = Pairs.images(dir);
        assertThat(imgs).extracting(LabelledImage::name)
                .containsExactly("ann/1.jpg", "ann/2.JPEG", "bob/photo", "bob/x.webp", "bob/y.png");
        List<Pair> pairs = Pairs.allPairs(imgs);
        assertThat(pairs).hasSize(10);
        assertThat(pairs.stream().filter(Pair::same).count()).isEqualTo(1 + 3);
        assertThat(pairs.get(0)).isEqualTo(new Pair("ann/1.jpg", "ann/2.JPEG", true));
    }

    @Test
    void emptyOrMissingFolderSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> Pairs.images(dir)).hasMessageContaining("no images");
        assertThatThrownBy(() -> Pairs.images(dir.resolve("nope"))).hasMessageContaining("not a folder");
    }

    @Test
    void readsCsvWithYesNoAndOneZero(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "\uFEFFfile_x,file_y,Decision\na/1.jpg,a/2.jpg,Yes\na/1.jpg,b/1.jpg,No\n"
                + "\"c, jr/1.jpg\",b/2.jpg,0\n\nb/1.jpg,b/2.jpg,1\n", StandardCharsets.UTF_8);
        assertThat(Pairs.readCsv(csv)).containsExactly(
                new Pair("a/1.jpg", "a/2.jpg", true), new Pair("a/1.jpg", "b/1.jpg", false),
                new Pair("c, jr/1.jpg", "b/2.jpg", false), new Pair("b/1.jpg", "b/2.jpg", true));
    }

    @Test
    void badCsvNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "file_x,file_y,Decision\na.jpg,b.jpg,Yes\na.jpg,c.jpg,maybe\n");
        assertThatThrownBy(() -> Pairs.readCsv(csv)).isInstanceOf(PairsFileException.class)
                .hasMessage(csv + " line 3: Decision must be Yes/No or 1/0, got 'maybe'");
        Files.writeString(csv, "x,y,z\na.jpg,b.jpg,Yes\n");
        assertThatThrownBy(() -> Pairs.readCsv(csv)).hasMessageContaining("line 1: header must be file_x,file_y,Decision");
        Files.writeString(csv, "file_x,file_y,Decision\na.jpg,Yes\n");
        assertThatThrownBy(() -> Pairs.readCsv(csv)).hasMessageContaining("line 2: expected 3 fields");
        Files.writeString(csv, "file_x,file_y,Decision\n");
        assertThatThrownBy(() -> Pairs.readCsv(csv)).hasMessageContaining("no pairs");
        assertThatThrownBy(() -> Pairs.readCsv(dir.resolve("none.csv"))).hasMessageContaining("no such file");
    }
}
