package tw.training.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** How the fuzz test spoils a valid request: each kind of damage a careless or hostile client does. */
final class Mutations {

    private static final String BOUNDARY = "fuzz-boundary";
    private static final List<String> TEXTS = List.of("", " ", "\u0000", "\uD800", "\uDC00x", "\u001B[31m", "\u202Eevil", "𠀀𠀁",
            "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "null", "王小明", "a".repeat(70_000),
            "\r\n\r\n", "${7*7}", "KPS5294-001v4:P9.9.9", "TSA4224-001v2:P1.1.1", "OBSERVATION", "MET", "fuzz.learner");
    private static final List<Object> NUMBERS = List.of(-1, 0, 1, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, 1e308,
            new java.math.BigInteger("123456789012345678901234567890"));

    private Mutations() {
    }

    static String text(Random random) {
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    /** A value for a path variable or query parameter. */
    static String pathValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(NUMBERS.get(random.nextInt(NUMBERS.size())));
            case 1 -> "x".repeat(1 + random.nextInt(3000));
            default -> {
                String text = text(random);
                yield text.length() > 3000 ? text.substring(0, 3000) : text;
            }
        };
    }

    /** A plausible value of a query parameter the fixture has none for. */
    static String plausible(String name) {
        return switch (name) {
            case "kind" -> "UNIT";
            case "method" -> "OBSERVATION";
            case "limit", "page", "size", "revision" -> "1";
            case "enabled" -> "true";
            case "role" -> "LEARNER";
            default -> "客";
        };
    }

    static Bodies.Body json(Object valid, Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> Bodies.Body.json(broken(Json.write(valid), random));
            case 1 -> new Bodies.Body(List.of("text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded",
                    "application/json; charset=ISO-8859-1").get(random.nextInt(5)), Json.write(valid).getBytes(StandardCharsets.ISO_8859_1));
            case 2 -> Bodies.Body.json(List.of("", "null", "[]", "{}", "\"text\"", "42", "[[[[[[[[[[", "[".repeat(5000) + "]".repeat(5000),
                    "{\"a\":" .repeat(3000) + "1" + "}".repeat(3000)).get(random.nextInt(9)));
            case 3 -> new Bodies.Body("application/json", bytes(random));
            default -> Bodies.Body.json(Json.write(damage(valid, random, 0)));
        };
    }

    /** The valid tree with one or more fields dropped, nulled, retyped, or given hostile text or numbers. */
    private static Object damage(Object value, Random random, int depth) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, item));
            if (copy.isEmpty() || random.nextInt(5) == 0) {
                copy.put(text(random), replacement(random));
                return copy;
            }
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0 -> copy.remove(key);
                case 1 -> copy.put(key, null);
                case 2 -> copy.put(key, replacement(random));
                default -> copy.put(key, damage(copy.get(key), random, depth + 1));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            if (copy.isEmpty() || random.nextBoolean()) {
                copy.add(replacement(random));
            } else {
                int index = random.nextInt(copy.size());
                copy.set(index, depth < 3 ? damage(copy.get(index), random, depth + 1) : replacement(random));
            }
            if (random.nextInt(8) == 0) {
                for (int i = 0; i < 6000; i++) {
                    copy.add(copy.get(0));
                }
            }
            return copy;
        }
        return replacement(random);
    }

    private static Object replacement(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> text(random);
            case 2 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
            case 3 -> random.nextBoolean();
            case 4 -> List.of(text(random), NUMBERS.get(random.nextInt(NUMBERS.size())));
            default -> Map.of(text(random), text(random));
        };
    }

    private static String broken(String json, Random random) {
        return json.isEmpty() ? "{" : json.substring(0, random.nextInt(json.length()));
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The catalogue document cut, doubled, given hostile lines or bytes that are not UTF-8. */
    static String document(String document, Random random) {
        String[] lines = document.split("\n");
        return switch (random.nextInt(5)) {
            case 0 -> document.substring(0, random.nextInt(document.length()));
            case 1 -> document.replace("TSA4224-001v2", "FZZ" + random.nextInt(10_000) + "-001v1") + "\n" + text(random);
            case 2 -> {
                lines[random.nextInt(lines.length)] = text(random);
                yield String.join("\n", lines);
            }
            case 3 -> "<ol>".repeat(random.nextInt(20_000)) + document;
            default -> new String(bytes(random), StandardCharsets.ISO_8859_1);
        };
    }

    /** An evidence submission: valid, or with parts missing, misnamed, out of order, broken. */
    static Bodies.Body multipart(Random random, boolean mutate) {
        String metadata = "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[\"TSA4224-001v2:P1.1.1\"]}";
        String file = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n紀錄\r\n";
        String meta = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata + "\r\n";
        String end = "--" + BOUNDARY + "--\r\n";
        String contentType = "multipart/form-data; boundary=" + BOUNDARY;
        if (!mutate) {
            return Bodies.Body.text(contentType, meta + file + end);
        }
        return switch (random.nextInt(7)) {
            case 0 -> Bodies.Body.text(contentType, file + meta + end);
            case 1 -> Bodies.Body.text(contentType, meta.replace(metadata, Json.write(damage(Map.of("method", "OBSERVATION", "title", "觀察",
                    "indicators", List.of("TSA4224-001v2:P1.1.1")), random, 0))) + end);
            case 2 -> Bodies.Body.text(contentType, (meta + file + end).substring(0, random.nextInt((meta + file + end).length())));
            case 3 -> Bodies.Body.text("multipart/form-data", meta + file + end);
            case 4 -> Bodies.Body.text(contentType, meta + file.replace("; filename=\"a.txt\"", "") + end);
            case 5 -> Bodies.Body.text(contentType, meta + file.replace("name=\"file\"", "name=\"" + text(random).replace("\"", "") + "\"") + end);
            default -> new Bodies.Body(contentType, bytes(random));
        };
    }
}
