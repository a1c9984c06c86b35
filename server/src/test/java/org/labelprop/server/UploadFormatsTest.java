// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelprop.io.Nifti;
import org.labelprop.io.Oracles;
import org.labelprop.io.VolumeFiles;
import org.labelprop.io.VolumeFormat;
import org.labelprop.io.dicom.PhantomSeries;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Uploads in every accepted format are stored as NIfTI on the same grid: NRRD and MetaImage images, NRRD, MetaImage and
 * 3D Slicer label maps (the segmentation's names describing the labels that have no description yet), a .zip of a DICOM series (written by pydicom, converted by dcm2niix); detached headers, a .zip
 * as labels, a .zip with several series and a server without dcm2niix are refused with what to do instead.
 */
class UploadFormatsTest extends ServerFixture {
    String id;

    @BeforeEach
    void up() throws Exception {
        start(config().withMaxUploadBytes(4 << 20));
        id = api.createSession();
    }

    @AfterEach
    void restore() { System.clearProperty("labelprop.dcm2niix"); }

    @Test
    void nrrdAndMetaImageImagesAreStoredAsNiftiOnTheirGrid() throws Exception {
        Volume image = TestVolumes.image(TestVolumes.GRID);
        for (VolumeFormat f : List.of(VolumeFormat.NRRD, VolumeFormat.METAIMAGE)) {
            HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", bytes(f.fileName("image"), p -> VolumeFiles.writeVolume(p, f, image)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Api.json(r).get("fileName").asText()).isEqualTo("image.nii.gz");
            Volume stored = storedImage();
            assertThat(stored.grid().sameSpace(TestVolumes.GRID)).as(f.cliName()).isTrue();
            assertThat(stored.array()).isEqualTo(image.array());
            // labels drawn on the stored NIfTI (as the page does) lie on the grid
            assertThat(api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID)).statusCode()).isEqualTo(200);
            assertThat(api.delete("/api/sessions/" + id + "/labels").statusCode()).isEqualTo(204);
        }
        assertNoTempFiles();
    }

    @Test
    void labelMapsInNrrdMetaImageAndSlicerSegmentationsAreAccepted() throws Exception {
        assertThat(api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true)).statusCode()).isEqualTo(200);
        LabelVolume labels = TestVolumes.sparseLabels(TestVolumes.GRID);
        LabelDescriptions names = new LabelDescriptions(List.of(new LabelDescription(1, "Femur", 200, 10, 10, 1, true),
            new LabelDescription(2, "Patella", 10, 200, 10, 1, true)));
        // a name already set for the session is kept; the segmentation names the other label
        assertThat(api.post("/api/sessions/" + id + "/label-descriptions", "{\"labels\":[{\"value\":2,\"name\":\"Tibia\"}]}")
            .statusCode()).isEqualTo(200);
        for (VolumeFormat f : List.of(VolumeFormat.SEG_NRRD, VolumeFormat.NRRD, VolumeFormat.METAIMAGE)) {
            HttpResponse<String> r = api.put("/api/sessions/" + id + "/labels",
                bytes(f.fileName("labels"), p -> VolumeFiles.writeLabels(p, f, labels, f == VolumeFormat.SEG_NRRD ? names : null)));
            assertThat(r.statusCode()).as(f.cliName() + ": " + r.body()).isEqualTo(200);
            JsonNode v = Api.json(r);
            assertThat(v.get("fileName").asText()).isEqualTo("labels.nii.gz");
            assertThat(v.get("labels").toString()).isEqualTo("[1,2]");
            Path stored = scratch.resolve("stored-" + f.cliName() + ".nii.gz");
            Files.write(stored, api.getBytes("/api/sessions/" + id + "/labels").body());
            assertThat(Nifti.readLabels(stored).array()).isEqualTo(labels.array());
        }
        JsonNode described = Api.json(api.get("/api/sessions/" + id + "/label-descriptions")).get("labels");
        assertThat(described.findValuesAsText("name")).containsExactly("Femur", "Tibia");
        assertThat(described.get(0).get("colour").toString()).isEqualTo("[200,10,10]");
        assertNoTempFiles();
    }

    @Test
    void detachedHeadersAreRefusedWithoutReadingTheFileTheyName() throws Exception {
        String nhdr = "NRRD0004\ntype: float\ndimension: 3\nsizes: 16 12 10\nencoding: raw\nendian: little\ndata file: /etc/passwd\n";
        String mhd = "ObjectType = Image\nNDims = 3\nDimSize = 16 12 10\nElementType = MET_FLOAT\nElementDataFile = /etc/shadow\n";
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", nhdr.getBytes());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).isEqualTo("the image upload is a detached NRRD header (.nhdr) naming the data file"
            + " '/etc/passwd'; upload a single file with the data inside (.nrrd)");
        r = api.put("/api/sessions/" + id + "/image", mhd.getBytes());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).contains("detached MetaImage header (.mhd)", "'/etc/shadow'", "(.mha)");
        assertThat(api.get("/api/sessions/" + id + "/image").statusCode()).isEqualTo(404);
        assertNoTempFiles();
    }

    @Test
    void aZipOfOneDicomSeriesBecomesTheImage() throws Exception {
        Oracles.requireCommand("dcm2niix", "dcm2niix");
        Path two = PhantomSeries.write(scratch.resolve("two"), 24, 20, 8);
        PhantomSeries.write(two, 16, 12, 5, 9, "localizer");
        byte[] zip = zip(two);
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", zip);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).startsWith("the image upload holds 2 DICOM series; upload one, or choose one with"
            + " ?series=N: 1: phantom T1 (series 2, MR), 24x20x8").contains("2: localizer (series 9, MR), 16x12x5");
        r = api.put("/api/sessions/" + id + "/image?series=1", zip);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = Api.json(r);
        assertThat(v.get("fileName").asText()).isEqualTo("image.nii");
        assertThat(v.get("shape").toString()).isEqualTo("[24,20,8]");
        assertThat(v.get("axisCodes").asText()).isEqualTo("LAS");
        // annotations in NRRD on that grid are accepted
        Grid grid = storedImage().grid();
        int[] marks = new int[grid.shape().voxels()];
        marks[grid.shape().index(12, 10, 3)] = 1;
        r = api.put("/api/sessions/" + id + "/labels", bytes("l.nrrd", p -> VolumeFiles.writeLabels(p, VolumeFormat.NRRD,
            new LabelVolume(grid, marks), null)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        r = api.put("/api/sessions/" + id + "/labels", zip);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).startsWith("the labels upload is a .zip; DICOM series are accepted as the image only");
        assertNoTempFiles();
    }

    @Test
    void whatDcm2niixRejectsIs422AndAMissingDcm2niixIs415WithTheInstallHint() throws Exception {
        Oracles.requireCommand("dcm2niix", "dcm2niix");
        Path notes = Files.createDirectories(scratch.resolve("notes"));
        Files.writeString(notes.resolve("readme.txt"), "no images here\n");
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", zip(notes));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).startsWith("no DICOM series found in the image upload")
            .doesNotContain(dataDir.toString(), "labelprop-dicom-", "upload-");
        System.setProperty("labelprop.dcm2niix", scratch.resolve("absent/dcm2niix").toString());
        r = api.put("/api/sessions/" + id + "/image", zip(notes));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(Api.json(r).get("error").asText()).contains("needs dcm2niix on the server", "apt-get install dcm2niix");
        assertNoTempFiles();
    }

    private Volume storedImage() throws Exception {
        Path f = scratch.resolve("stored-" + System.nanoTime() + ".nii.gz");
        Files.write(f, api.getBytes("/api/sessions/" + id + "/image").body());
        return Nifti.readVolume(f);
    }

    private void assertNoTempFiles() throws Exception {
        try (Stream<Path> tmp = Files.list(dataDir.resolve("tmp"))) {
            assertThat(tmp).as("temp files left behind").isEmpty();
        }
    }

    interface Writer { void write(Path p) throws Exception; }

    private byte[] bytes(String name, Writer w) throws Exception {
        Path p = Files.createDirectories(scratch.resolve("w" + System.nanoTime())).resolve(name);
        w.write(p);
        return Files.readAllBytes(p);
    }

    private static byte[] zip(Path folder) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(f).toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
