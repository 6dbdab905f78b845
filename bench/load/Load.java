// Open-loop load generator for bench/load/run.sh (issue 17 item 7), a single-file program: java Load.java ...
//
// Sends requests at a STEADY RATE (not closed-loop: the next request leaves on schedule whether or not earlier ones
// have answered), round-robin over the replicas, in a fixed mix of routes, and measures each request's latency from
// the moment it was SCHEDULED to leave (so a stall shows as latency, not as fewer requests: no coordinated omission).
//
//   java Load.java CONFIG RATE:SECONDS [RATE:SECONDS ...]
//
// CONFIG is a properties file (written by run.sh): targets=http://127.0.0.1:18901,...; tokens=t1,t2,...; per user i
// (0-based): watchlist.i=<id>, position.i=<id>; symbols=BK01,BK02,...; and optional weights (route=weight).
// Each RATE:SECONDS is a phase; per phase it prints one line per route and one for all routes:
//   phase <rate> <route> n=<count> ok=<2xx> 4xx=<n> 5xx=<n> err=<n> p50=<ms> p99=<ms> max=<ms>
// Requests still unanswered 10 s after a phase ends count as errors (timeouts).
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public class Load {

    record Result(String route, long micros, int status) {}

    static final Map<String, Integer> DEFAULT_WEIGHTS = new LinkedHashMap<>();

    static {
        DEFAULT_WEIGHTS.put("candles", 30);
        DEFAULT_WEIGHTS.put("indicators", 15);
        DEFAULT_WEIGHTS.put("macro-overview", 15);
        DEFAULT_WEIGHTS.put("watchlist-read", 20);
        DEFAULT_WEIGHTS.put("watchlist-write", 7);
        DEFAULT_WEIGHTS.put("alert-create", 7);
        DEFAULT_WEIGHTS.put("trade", 6);
    }

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (FileReader in = new FileReader(args[0])) {
            config.load(in);
        }
        String[] targets = config.getProperty("targets").split(",");
        String[] tokens = config.getProperty("tokens").split(",");
        String[] symbols = config.getProperty("symbols").split(",");
        List<String> mix = new ArrayList<>();
        DEFAULT_WEIGHTS.forEach((route, weight) -> {
            int w = Integer.parseInt(config.getProperty("weight." + route, String.valueOf(weight)));
            for (int i = 0; i < w; i++) {
                mix.add(route);
            }
        });
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        AtomicLong sequence = new AtomicLong();
        for (int a = 1; a < args.length; a++) {
            String[] phase = args[a].split(":");
            double rate = Double.parseDouble(phase[0]);
            int seconds = Integer.parseInt(phase[1]);
            long total = Math.round(rate * seconds);
            ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch((int) total);
            long intervalNanos = (long) (1_000_000_000L / rate);
            long start = System.nanoTime() + 50_000_000L;
            for (long i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long n = sequence.getAndIncrement();
                String route = mix.get((int) (n % mix.size()));
                int user = (int) ((n / mix.size()) % tokens.length);
                String target = targets[(int) (n % targets.length)];
                HttpRequest request = request(route, target, tokens[user], config, user, symbols, n);
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .orTimeout(30, TimeUnit.SECONDS)
                        .whenComplete((response, failure) -> {
                            long micros = (System.nanoTime() - due) / 1000;
                            results.add(new Result(route, micros, failure != null ? -1 : response.statusCode()));
                            done.countDown();
                        });
            }
            boolean all = done.await(40, TimeUnit.SECONDS);
            report(rate, results, all ? 0 : done.getCount());
        }
        System.exit(0);
    }

    static HttpRequest request(
            String route, String target, String token, Properties config, int user, String[] symbols, long n) {
        String symbol = symbols[(int) (n % symbols.length)];
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        b.header("Authorization", "Bearer " + token);
        switch (route) {
            case "candles" -> b.uri(URI.create(target + "/api/v1/assets/" + symbol + "/candles?timeframe=1h&limit=100"));
            case "indicators" -> b.uri(URI.create(
                    target + "/api/v1/assets/" + symbol + "/indicators?timeframe=1h&set=rsi_14,sma_50&limit=100"));
            case "macro-overview" -> b.uri(URI.create(target + "/api/v1/macro/overview"));
            case "watchlist-read" -> b.uri(URI.create(target + "/api/v1/watchlists/" + config.getProperty("watchlist." + user)));
            case "watchlist-write" -> b.uri(URI.create(target + "/api/v1/watchlists/" + config.getProperty("watchlist." + user)
                            + "/assets/" + symbols[(int) (n % 10)]))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"notes\":\"load note " + n + "\"}"));
            case "alert-create" -> b.uri(URI.create(target + "/api/v1/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"" + symbol + "\",\"alertType\":\"PRICE_TARGET\","
                            + "\"condition\":\"ABOVE\",\"triggerValue\":\"" + (1_000_000 + n % 1000) + "\",\"timeframe\":\"1h\","
                            + "\"frequency\":\"ONCE\"}"));
            case "trade" -> {
                boolean sell = (n / 100) % 3 == 2; // BUY 0.01 twice for every PARTIAL_SELL of 0.001: held only grows
                b.uri(URI.create(target + "/api/v1/portfolio/positions/" + config.getProperty("position." + user) + "/actions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"actionType\":\"" + (sell ? "PARTIAL_SELL" : "BUY")
                                + "\",\"assetPrice\":\"" + (100 + n % 7) + ".5\",\"quantity\":\"" + (sell ? "0.001" : "0.01")
                                + "\",\"feesPaid\":\"0.01\"}"));
            }
            default -> throw new IllegalArgumentException(route);
        }
        return b.build();
    }

    static void report(double rate, ConcurrentLinkedQueue<Result> results, long unanswered) {
        Map<String, List<Result>> byRoute = new LinkedHashMap<>();
        for (Result r : results) {
            byRoute.computeIfAbsent(r.route(), k -> new ArrayList<>()).add(r);
        }
        List<Result> all = new ArrayList<>(results);
        byRoute.forEach((route, list) -> line(rate, route, list, 0));
        line(rate, "ALL", all, unanswered);
    }

    static void line(double rate, String route, List<Result> list, long unanswered) {
        long[] micros = list.stream().mapToLong(Result::micros).sorted().toArray();
        long ok = list.stream().filter(r -> r.status() >= 200 && r.status() < 300).count();
        long c4 = list.stream().filter(r -> r.status() >= 400 && r.status() < 500).count();
        long c5 = list.stream().filter(r -> r.status() >= 500).count();
        long err = list.stream().filter(r -> r.status() < 0).count() + unanswered;
        System.out.printf(
                "phase %s %s n=%d ok=%d 4xx=%d 5xx=%d err=%d p50=%.1f p99=%.1f max=%.1f%n",
                rate, route, list.size() + unanswered, ok, c4, c5, err,
                pct(micros, 0.50), pct(micros, 0.99), micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
        System.out.flush();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
