/**
 * Generates src/providers/<cloud>/wire-types.ts: each cloud's public wire types written out in
 * full, from the types its zod schemas infer.
 *
 *   node --import tsx scripts/gen-wire-types.ts
 *
 * Why: zod's run-time code is bundled into dist (a cold start cannot afford it as a package), so
 * the package's declarations must not import zod either, or every user installs it for its types
 * alone. The inferred types are printed by the TypeScript checker; a method of an `.api` type that
 * returns one of the cloud's public wire types names it rather than repeating it.
 * test/package/wire-types.test.ts checks that every generated type equals the inferred one.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The public wire types of each cloud, by the module that infers them, in output order. */
export const PUBLIC_WIRE_TYPES: Record<string, Record<string, readonly string[]>> = {
  sagemaker: {
    'api.ts': [
      'CreateHyperParameterTuningJobResult',
      'DescribeHyperParameterTuningJobResult',
      'DescribeTrainingJobResult',
      'ListHyperParameterTuningJobsResult',
      'ListTrainingJobsForHyperParameterTuningJobResult',
      'SageMakerTrainingJobSummaryWire',
      'SageMakerTuningJobSummaryWire',
      'SageMakerApi',
    ],
  },
  pai: {
    'wire.ts': [
      'AutofeExperimentResult',
      'CommandsResult',
      'CreatedExperimentResult',
      'GetHpoExperimentResult',
      'GetHpoTrialResult',
      'ListHpoExperimentsResult',
      'ListHpoTrialsResult',
      'PaiExperimentWire',
      'PaiTrialWire',
    ],
    'normalize.ts': ['PaiTrainingJobRaw'],
    'api.ts': ['PaiApi'],
  },
  modelarts: {
    'wire.ts': [
      'ModelArtsAutoSearchTrialsWire',
      'ModelArtsTrainingJobSearchWire',
      'ModelArtsTrainingJobWire',
      'ModelArtsTrialTableWire',
      'ModelArtsWorkspacesWire',
      'TableCell as ModelArtsTableCell',
      'TableRow as ModelArtsTableRow',
    ],
    'normalize.ts': ['ModelArtsTrialRaw'],
    'api.ts': ['ModelArtsApi'],
  },
};

export const wireTypesPath = (cloud: string) => `src/providers/${cloud}/wire-types.ts`;

const FLAGS =
  ts.NodeBuilderFlags.NoTruncation |
  ts.NodeBuilderFlags.MultilineObjectLiterals |
  ts.NodeBuilderFlags.UseFullyQualifiedType |
  ts.NodeBuilderFlags.IgnoreErrors;

export function generateWireTypes(): Record<string, string> {
  const configFile = ts.getParsedCommandLineOfConfigFile(
    resolve(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!configFile) throw new Error('tsconfig.json could not be read');
  const roots = Object.entries(PUBLIC_WIRE_TYPES).flatMap(([cloud, modules]) =>
    Object.keys(modules).map((file) => resolve(ROOT, `src/providers/${cloud}/${file}`)),
  );
  const program = ts.createProgram(roots, configFile.options);
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const scratch = ts.createSourceFile('x.ts', '', ts.ScriptTarget.Latest);
  const out: Record<string, string> = {};

  for (const [cloud, modules] of Object.entries(PUBLIC_WIRE_TYPES)) {
    const target = resolve(ROOT, wireTypesPath(cloud));
    const declared = new Map<string, { type: ts.Type; docs: string }>();
    const renamed = new Map<string, string>();
    for (const [file, names] of Object.entries(modules)) {
      const source = program.getSourceFile(resolve(ROOT, `src/providers/${cloud}/${file}`));
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`src/providers/${cloud}/${file} was not found`);
      const exports = checker.getExportsOfModule(module);
      for (const entry of names) {
        // `Inferred as Public`: a type whose name inside src/ is not cloud-prefixed.
        const [inferred = entry, name = inferred] = entry.split(' as ');
        const symbol = exports.find((s) => s.name === inferred);
        if (!symbol) throw new Error(`${cloud}/${file} exports no ${inferred}`);
        const declaration = symbol.declarations?.[0];
        const docs = declaration
          ? ts
              .getJSDocCommentsAndTags(declaration)
              .map((doc) => doc.getText())
              .join('\n')
          : '';
        declared.set(name, { type: checker.getDeclaredTypeOfSymbol(symbol), docs });
        if (name !== inferred) renamed.set(inferred, name);
      }
    }
    // Two types are the same when they print the same, written out in full.
    const full = (type: ts.Type) => {
      const node = checker.typeToTypeNode(type, undefined, FLAGS | ts.NodeBuilderFlags.InTypeAlias);
      return node ? printer.printNode(ts.EmitHint.Unspecified, node, scratch) : '';
    };
    const flat = (printed: string) => printed.replace(/\s+/g, ' ');
    const fullText = new Map([...declared].map(([name, entry]) => [name, flat(full(entry.type))]));
    const nameOf = (printed: string, self: string | undefined): string | undefined => {
      for (const [name, text] of fullText) if (name !== self && text === flat(printed)) return name;
      return undefined;
    };
    // A method's answer that is one of the public types is written by that type's name.
    const named = (type: ts.Type, self: string): string | undefined => nameOf(full(type), self);
    // Within a type, an object type that is another public type is written by its name.
    const naming =
      (self: string | undefined): ts.TransformerFactory<ts.Node> =>
      (context) => {
        const visit = (node: ts.Node): ts.Node => {
          if (ts.isTypeLiteralNode(node)) {
            const name = nameOf(printer.printNode(ts.EmitHint.Unspecified, node, scratch), self);
            if (name) return ts.factory.createTypeReferenceNode(name);
          }
          return ts.visitEachChild(node, visit, context);
        };
        return (root) => visit(root);
      };
    // Named imports, so that a doc comment's {@link CallOptions} resolves in the written-out file.
    const imports = new Map<string, Set<string>>();
    const text = (node: ts.Node, self?: string) =>
      printer
        .printNode(
          ts.EmitHint.Unspecified,
          ts.transform(node, [naming(self)]).transformed[0] ?? node,
          scratch,
        )
        .replace(/import\("([^"]+)"(?:, \{[^)]*\})?\)\.(\w+)/g, (_, path: string, member: string) => {
          // A public wire type of this cloud is one of this file's own.
          if (path.startsWith(dirname(target))) {
            const own = renamed.get(member) ?? member;
            if (declared.has(own)) return own;
          }
          let from = relative(dirname(target), path).replaceAll('\\', '/');
          if (!from.startsWith('.')) from = `./${from}`;
          from = `${from.replace(/\.ts$/, '')}.js`;
          if (declared.has(member)) throw new Error(`${member} of ${from} clashes with a public wire type`);
          const names = imports.get(from) ?? new Set<string>();
          imports.set(from, names.add(member));
          return member;
        });
    // The type itself written out (an interface as its members), the types it names kept by name.
    const expanded = (type: ts.Type, name: string): string => {
      const symbol = type.aliasSymbol ?? type.getSymbol();
      if (symbol && symbol.flags & ts.SymbolFlags.Interface) {
        const members = checker.getPropertiesOfType(type).map((property) => {
          const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
          const node = checker.typeToTypeNode(checker.getTypeOfSymbol(property), undefined, FLAGS);
          return `${property.name}${optional}: ${node ? text(node, name) : 'unknown'};`;
        });
        return `{\n${members.join('\n')}\n}`;
      }
      const node = checker.typeToTypeNode(type, undefined, FLAGS | ts.NodeBuilderFlags.InTypeAlias);
      if (!node) throw new Error(`${name} could not be printed`);
      return text(node, name);
    };
    const body: string[] = [];
    for (const [name, { type, docs }] of declared) {
      let printed: string;
      if (name.endsWith('Api')) {
        const methods = checker.getPropertiesOfType(type).map((property) => {
          const methodType = checker.getTypeOfSymbol(property);
          const [signature] = methodType.getCallSignatures();
          if (!signature) throw new Error(`${name}.${property.name} is not a method`);
          const answer = checker.getAwaitedType(signature.getReturnType()) ?? signature.getReturnType();
          const answerName = named(answer, name);
          const params = signature.parameters.map((p) => {
            const decl = p.valueDeclaration as ts.ParameterDeclaration | undefined;
            const optional = decl?.questionToken !== undefined || decl?.initializer !== undefined;
            const node = checker.typeToTypeNode(checker.getTypeOfSymbol(p), undefined, FLAGS);
            return `${p.name}${optional ? '?' : ''}: ${node ? text(node) : 'unknown'}`;
          });
          const returned =
            answerName ?? text(checker.typeToTypeNode(answer, undefined, FLAGS) as ts.TypeNode);
          const doc = (property.declarations?.[0] && ts.getJSDocCommentsAndTags(property.declarations[0]))
            ?.map((d) => d.getText())
            .join('\n');
          return `${doc ? `${doc}\n` : ''}${property.name}(${params.join(', ')}): Promise<${returned}>;`;
        });
        printed = `export interface ${name} {\n${methods.join('\n')}\n}`;
      } else {
        printed = `export type ${name} = ${expanded(type, name)};`;
      }
      if (/\bz\.|\$Zod|ZodMini|zod\//.test(printed)) throw new Error(`${name} still names zod`);
      body.push(`${docs ? `${docs}\n` : ''}${printed}`);
    }
    const head = [
      `// Generated by \`node --import tsx scripts/gen-wire-types.ts\` from the types the wire schemas infer:`,
      `// do not edit by hand. Written out so that the package's declarations need no zod.`,
      '',
      ...[...imports]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([from, names]) => `import type { ${[...names].sort().join(', ')} } from '${from}';`),
    ];
    out[cloud] = `${head.join('\n')}\n\n${body.join('\n\n')}\n`;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = generateWireTypes();
  for (const [cloud, content] of Object.entries(files))
    writeFileSync(resolve(ROOT, wireTypesPath(cloud)), content);
  execFileSync('npx', ['biome', 'check', '--write', ...Object.keys(files).map(wireTypesPath)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
