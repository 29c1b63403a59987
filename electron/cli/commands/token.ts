import { optionValue } from '../args';
import { serverOption, type Command } from '../command';
import { usableBearer } from '../key-access';

/** `rancher-keys token`: the bearer on stdout, for `$(…)` in scripts. */
export const tokenCommand: Command = {
  name: 'token',
  summary: "Print a key's bearer token (for $(…) in scripts)",
  usage: ['token [--server S] [KEY]'],
  description: [
    "Prints the bearer token (token-xxxxx:secret) of KEY, or of the server's default key for tools, followed by a newline. Nothing else is written to stdout.",
    "KEY is the key's name as `rancher-keys list` shows it; after a Renew the old name keeps pointing at the renewed key.",
  ],
  options: [serverOption],
  maxPositionals: 1,
  examples: [
    'curl -H "Authorization: Bearer $(rancher-keys token)" https://rancher.example.com/v3/clusters',
  ],
  async run(ctx, args) {
    const key = await usableBearer(ctx, optionValue(args, 'server'), args.positionals[0]);
    ctx.io.stdout(`${key.bearer}\n`);
    return 0;
  },
};
