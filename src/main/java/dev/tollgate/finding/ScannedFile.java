package dev.tollgate.finding;

/**
 * A file the scan read.
 *
 * @param path display path relative to the scan root
 * @param format what it was read as ({@code kubernetes}, {@code compose}, {@code dotenv}, {@code yaml} when it held
 *     nothing of ours, {@code terraform})
 * @param resources how many resources it gave
 */
public record ScannedFile(String path, String format, int resources) {
}
