package org.hrnode.aiqc.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrnode.aiqc.catalog.Vocabulary.Hit;

/**
 * The 141 items of 川渝 mutual recognition, read from the catalogue as the programme publishes it
 * ({@code chuanyu-hr-catalog-141.tsv}: no, category, body_part, item) and normalised with the {@link Vocabulary}:
 * each item name is scanned for its region, side, views, posture, contrast and population, so the catalogue and the
 * studies are read by the same rules. Loading fails when an item has no region or more than one, so a catalogue
 * update that the vocabulary cannot read is caught at start, not at matching time.
 *
 * <p>Normalisations: category MRI is MR; the body-part column's 头 and 颈 are written 头部 and 颈部 like the rest;
 * 颅脑 and 头颅 are the region HEAD, 髌 is 髌骨 (items 65/66); items that name no contrast (radiographs) have
 * {@link Contrast#NOT_APPLICABLE}, CT/MR items that name none would be 平扫; 钼靶 marks a mammogram.
 */
public final class Catalog {

    public static final String RESOURCE = "chuanyu-hr-catalog-141.tsv";
    private static final Map<String, String> SECTION_SPELLINGS = Map.of("头", "头部", "颈", "颈部");

    private final List<CatalogItem> items;
    private final Vocabulary vocabulary;

    private Catalog(List<CatalogItem> items, Vocabulary vocabulary) {
        this.items = List.copyOf(items);
        this.vocabulary = vocabulary;
    }

    /** The shipped catalogue, read with the shipped vocabulary. */
    public static Catalog standard() {
        Vocabulary vocabulary = Vocabulary.standard();
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Catalog read(BufferedReader reader, Vocabulary vocabulary) throws IOException {
        String header = reader.readLine();
        if (header == null || !header.equals("no\tcategory\tbody_part\titem")) {
            throw new IllegalArgumentException("catalogue must start with the header no, category, body_part, item");
        }
        List<CatalogItem> items = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalArgumentException("catalogue line '" + line + "' does not have 4 columns");
            }
            items.add(parseItem(Integer.parseInt(f[0].strip()), CatalogModality.ofCatalogLabel(f[1]),
                    SECTION_SPELLINGS.getOrDefault(f[2].strip(), f[2].strip()), f[3].strip(), vocabulary));
        }
        return new Catalog(items, vocabulary);
    }

    private static CatalogItem parseItem(int no, CatalogModality modality, String section, String name,
            Vocabulary vocabulary) {
        Set<String> regions = new LinkedHashSet<>();
        Side side = Side.UNSPECIFIED;
        List<View> views = new ArrayList<>();
        Posture posture = Posture.ANY;
        Contrast contrast = modality == CatalogModality.DR ? Contrast.NOT_APPLICABLE : Contrast.PLAIN;
        Population population = Population.GENERAL;
        boolean mammography = false;
        for (Hit hit : vocabulary.scan(name)) {
            switch (hit.kind()) {
                case REGION -> regions.add(hit.key());
                case SIDE -> side = Side.valueOf(hit.key());
                case VIEW -> hit.keys().forEach(k -> views.add(View.valueOf(k)));
                case POSTURE -> posture = Posture.valueOf(hit.key());
                case CONTRAST -> contrast = Contrast.valueOf(hit.key());
                case POPULATION -> population = Population.valueOf(hit.key());
                case MODALITY -> mammography |= "MG".equals(hit.key());
                default -> {
                }
            }
        }
        if (regions.size() != 1) {
            throw new IllegalArgumentException("catalogue item " + no + " '" + name + "' names "
                    + (regions.isEmpty() ? "no body region" : "several regions " + regions)
                    + " the vocabulary knows; extend " + Vocabulary.RESOURCE);
        }
        return new CatalogItem(no, name, modality, section, vocabulary.region(regions.iterator().next()), side,
                views, posture, contrast, population, mammography);
    }

    public List<CatalogItem> items() {
        return items;
    }

    public Optional<CatalogItem> item(int no) {
        return no >= 1 && no <= items.size() && items.get(no - 1).no() == no ? Optional.of(items.get(no - 1))
                : items.stream().filter(i -> i.no() == no).findFirst();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
