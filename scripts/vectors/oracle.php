<?php
// PHP signing oracle for the property and client tests (test/php-oracle.ts), on php-cli or php-wasm.
// Reads one JSON request per line on STDIN until its end, answers one JSON line per request, in order.
// Strings travel base64-encoded so the exact UTF-8 bytes reach the seeds' formulas untouched.
//   {"kind":"vistarkriya","secret","timestamp","method","target","body"} -> {"signature"}
//   {"kind":"open-legacy","secret","timestamp","method","body"}          -> {"signature","prehash"}
//   {"kind":"veri5","fields":[...]}                                      -> {"hash"}
//   {"kind":"version"}                                                   -> {"php":PHP_VERSION}
declare(strict_types=1);

function field(array $r, string $k): string {
    $v = base64_decode($r[$k] ?? '', true);
    if ($v === false) throw new RuntimeException("bad base64 in $k");
    return $v;
}

while (($line = fgets(STDIN)) !== false) {
    try {
        $r = json_decode($line, true, 16, JSON_THROW_ON_ERROR);
        switch ($r['kind']) {
            case 'vistarkriya':
                $timestamp = (int) $r['timestamp'];
                $method = field($r, 'method');
                $endpoint = field($r, 'target');
                $body = field($r, 'body');
                // Seed 000, verbatim.
                $signature_string = $timestamp . $method . $endpoint . $body;
                $answer = ['signature' => hash_hmac('sha256', $signature_string, field($r, 'secret'))];
                break;
            case 'open-legacy':
                $client_timestamp_header = (int) $r['timestamp'];
                $client_request_method = field($r, 'method');
                $client_body = field($r, 'body');
                // Seed 004, verbatim.
                $string = $client_request_method === 'GET'
                    ? $client_timestamp_header . $client_request_method
                    : $client_timestamp_header . $client_request_method . $client_body;
                $string = preg_replace('/\s+/', '', $string);
                $answer = [
                    'signature' => hash_hmac('sha256', $string, field($r, 'secret')),
                    'prehash' => base64_encode($string),
                ];
                break;
            case 'veri5':
                $fields = array_map(fn ($f) => base64_decode($f, true), $r['fields']);
                $answer = ['hash' => hash('sha256', implode('|', $fields))];
                break;
            case 'version':
                $answer = ['php' => PHP_VERSION];
                break;
            default:
                $answer = ['error' => 'unknown kind'];
        }
    } catch (Throwable $e) {
        $answer = ['error' => $e->getMessage()];
    }
    echo json_encode($answer), "\n";
    fflush(STDOUT);
}
