// The part of autocannon 9's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Headers = Record<string, string>;
  export type Request = {
    method?: "GET" | "POST";
    path?: string;
    headers?: Headers;
    body?: string | Buffer;
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Headers) => void;
  };
  export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p97_5: number; p99: number };
  export type Result = {
    duration: number;
    requests: Histogram & { sent: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    method?: "GET" | "POST";
    headers?: Headers;
    requests?: Request[];
  };
  type Instance = { stop: () => void };
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
