package vn.langso.ui.reports;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The photo and video upload of the report form. Files go to temporary files on this server and are sent to the
 * API with the report; the limits of {@link ReportMediaLimits} are checked in the browser (count, largest size,
 * type) and here (size per kind), so that the citizen hears about them before sending.
 */
final class ReportUploads {

    private static final Logger log = LoggerFactory.getLogger(ReportUploads.class);

    private final ReportMediaLimits limits;
    private final Consumer<String> errors;
    private final BiFunction<String, Object[], String> translate;
    private final List<MediaFile> files = new CopyOnWriteArrayList<>();
    private final Upload upload;

    /**
     * @param errors    shows a message to the person
     * @param translate looks up a translation key with its parameters in the page's language
     */
    ReportUploads(ReportMediaLimits limits, Consumer<String> errors, BiFunction<String, Object[], String> translate) {
        this.limits = limits;
        this.errors = errors;
        this.translate = translate;

        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> received(metadata.fileName(),
                metadata.contentType(), file.toPath(), file.length())));
        upload.setId("report-media");
        upload.setMaxFiles(limits.maxFiles());
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxPhotoBytes(), limits.maxVideoBytes())));
        List<String> mimeTypes = new ArrayList<>(ReportMediaLimits.PHOTO_TYPES);
        mimeTypes.addAll(ReportMediaLimits.VIDEO_TYPES);
        upload.setAcceptedMimeTypes(mimeTypes.toArray(String[]::new));
        upload.setAcceptedFileExtensions(ReportMediaLimits.EXTENSIONS.toArray(String[]::new));
        upload.setWidthFull();
        upload.setI18n(i18n());
        upload.addFileRejectedListener(rejected -> errors.accept(t("reports.upload.rejected", rejected.getFileName(),
                rejected.getErrorMessage())));
        upload.addFileRemovedListener(removed -> remove(removed.getFileName()));
        if (limits.maxFiles() == 0) {
            upload.setVisible(false);
        }
    }

    Upload upload() {
        return upload;
    }

    /** Returns the files received so far, in upload order. */
    List<MediaFile> files() {
        return List.copyOf(files);
    }

    /** True when a photo is attached, whose GPS tags the API may use as the location. */
    boolean hasPhoto() {
        return files.stream().anyMatch(file -> !ReportMediaLimits.isVideo(file.contentType(), file.fileName()));
    }

    /** Returns why the files cannot be sent, or null when they can. */
    String problem() {
        if (files.size() > limits.maxFiles()) {
            return t("reports.upload.tooMany", limits.maxFiles());
        }
        return null;
    }

    /** Deletes the temporary files and empties the list. */
    void clear() {
        for (MediaFile file : files) {
            delete(file);
        }
        files.clear();
        upload.clearFileList();
    }

    private void received(String fileName, String contentType, java.nio.file.Path path, long size) {
        long max = limits.maxBytes(contentType, fileName);
        if (size > max) {
            deleteQuietly(path);
            errors.accept(t("reports.upload.tooLarge", fileName, ReportMediaLimits.megabytes(max)));
            return;
        }
        files.add(new MediaFile(fileName, contentType, path, size));
    }

    private void remove(String fileName) {
        for (MediaFile file : files) {
            if (file.fileName().equals(fileName)) {
                files.remove(file);
                delete(file);
                return;
            }
        }
    }

    private static void delete(MediaFile file) {
        deleteQuietly(file.file());
    }

    private static void deleteQuietly(java.nio.file.Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete the temporary upload {}: {}", path, e.toString());
        }
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("reports.upload.addOne")).setMany(t("reports.upload.addMany")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("reports.upload.dropOne")).setMany(t("reports.upload.dropMany")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(t("reports.upload.tooMany", limits.maxFiles()))
                .setFileIsTooBig(t("reports.upload.tooBig", ReportMediaLimits.megabytes(limits.maxVideoBytes())))
                .setIncorrectFileType(t("reports.upload.wrongType")));
        return i18n;
    }

    private String t(String key, Object... params) {
        return translate.apply(key, params);
    }
}
