import { Argument, type Command } from 'commander';

/** Command paths ('' for the program, 'feeds', 'feeds add') with their subcommands and options. */
interface Level {
  path: string;
  subcommands: string[];
  /** Its options, and the values its arguments take when they are a fixed list (`completion bash`). */
  options: string[];
  /** The values of its options that take one of a list (`--partner-kind` → ministry, ngo, …). */
  values: { option: string; choices: readonly string[] }[];
}

function levels(command: Command, path = ''): Level[] {
  const options = command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
  const argumentChoices = command.registeredArguments.flatMap((a) => a.argChoices ?? []);
  const here: Level = {
    path,
    subcommands: command.commands.map((c) => c.name()),
    options: [...options, '--help', ...argumentChoices],
    values: command.options
      .filter((o) => o.long && o.argChoices)
      .map((o) => ({ option: o.long!, choices: o.argChoices! })),
  };
  return [here, ...command.commands.flatMap((c) => levels(c, path ? `${path} ${c.name()}` : c.name()))];
}

/** Long options that take a value anywhere in the program: the word after them is not a command. */
function optionsWithValue(command: Command): string[] {
  const own = command.options.filter((o) => o.required || o.optional).map((o) => o.long!);
  return [...new Set([...own, ...command.commands.flatMap(optionsWithValue)])];
}

const words = (list: string[]) => list.join(' ');

/**
 * A bash completion function for the whole command tree, written out once (so completing costs no
 * start of the CLI). zsh runs it through bashcompinit.
 */
export function bashCompletion(program: Command): string {
  const tree = levels(program);
  const global = program.options.map((o) => o.long!).filter(Boolean);
  const cases = (pick: (l: Level) => string[]) =>
    tree.map((l) => `    '${l.path}') echo '${words(pick(l))}' ;;`).join('\n');
  // "<path>|<option>": the program's own options (--log-level) after any path.
  const valueCases = [
    ...tree
      .filter((l) => l.path !== '')
      .flatMap((l) => l.values.map((v) => `    '${l.path}|${v.option}') echo '${words([...v.choices])}' ;;`)),
    ...tree[0]!.values.map((v) => `    *'|${v.option}') echo '${words([...v.choices])}' ;;`),
  ].join('\n');
  return `# iaspn completion for bash: eval "$(iaspn completion bash)", e.g. in ~/.bashrc
_iaspn_subcommands() {
  case "$1" in
${cases((l) => l.subcommands)}
  esac
}
_iaspn_options() {
  case "$1" in
${cases((l) => l.options)}
  esac
}
_iaspn_values() {
  case "$1" in
${valueCases}
  esac
}
_iaspn() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" word i skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case " ${words(optionsWithValue(program))} " in *" $word "*) skip=1; continue ;; esac
    case " $(_iaspn_subcommands "$path") " in
      *" $word "*) path="\${path:+$path }$word" ;;
    esac
  done
  local values="$(_iaspn_values "$path|$prev")"
  if [[ -n "$values" ]]; then
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
    return
  fi
  local candidates="$(_iaspn_subcommands "$path") $(_iaspn_options "$path")"
  [[ -n "$path" ]] && candidates="$candidates ${words(global)}"
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -o default -F _iaspn iaspn
`;
}

export function zshCompletion(program: Command): string {
  return `#compdef iaspn
# iaspn completion for zsh: eval "$(iaspn completion zsh)", e.g. in ~/.zshrc (after compinit)
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(program).split('\n').slice(1).join('\n')}`;
}

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('print a completion script for bash or zsh, covering every command and option')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']))
    .action(async (shell: 'bash' | 'zsh') => {
      // Every command, loaded in full: the script lists their subcommands and options.
      const { buildProgram } = await import('../main.js');
      const full = await buildProgram('*');
      process.stdout.write(shell === 'zsh' ? zshCompletion(full) : bashCompletion(full));
    });
}
