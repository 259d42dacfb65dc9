//! Joins several of the splitter's chunk modules into one module that does what all of
//! them do when instantiated (docs/build.md, "Small chunks joined").
//!
//! A chunk defines functions and puts them into the shared function table at fixed
//! places (an active element segment), writes its data at fixed addresses of the shared
//! memory (active data segments), and imports only what the main module shares: the
//! memory, the table and some globals. It exports nothing and calls other modules'
//! functions through the table. So the joined module is the chunks' sections side by
//! side: the imports once each, every index renumbered, the segments' places unchanged.
//! A chunk with anything else (an export, a start function, its own table, memory,
//! global or tag) is refused, and the result is validated before it is written.

use std::collections::HashMap;

use wasm_encoder::reencode::{Error as ReencodeError, Reencode};
use wasm_encoder::{
    CodeSection, DataCountSection, DataSection, ElementSection, EntityType, FunctionSection,
    ImportSection, IndirectNameMap, Module, NameMap, NameSection, TypeSection,
};
use wasmparser::{Name, Parser, Payload, TypeRef, Validator, WasmFeatures};

/// One chunk's numbering in the joined module.
#[derive(Default)]
struct Renumber {
    types: u32,
    /// The chunk's imported functions, globals, tables and memories, in its own order,
    /// by their number in the joined module.
    funcs: Vec<u32>,
    globals: Vec<u32>,
    tables: Vec<u32>,
    memories: Vec<u32>,
    /// Where the chunk's own functions start in the joined module.
    defined_funcs: u32,
    data: u32,
    elements: u32,
}

impl Renumber {
    fn func(&self, f: u32) -> u32 {
        match self.funcs.get(f as usize) {
            Some(&joined) => joined,
            None => self.defined_funcs + f - self.funcs.len() as u32,
        }
    }
}

fn pick(list: &[u32], i: u32, what: &str) -> Result<u32, ReencodeError<String>> {
    list.get(i as usize)
        .copied()
        .ok_or_else(|| ReencodeError::UserError(format!("{what} {i} is not imported")))
}

impl Reencode for Renumber {
    type Error = String;
    fn type_index(&mut self, ty: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.types + ty)
    }
    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.func(func))
    }
    fn global_index(&mut self, global: u32) -> Result<u32, ReencodeError<String>> {
        pick(&self.globals, global, "global")
    }
    fn table_index(&mut self, table: u32) -> Result<u32, ReencodeError<String>> {
        pick(&self.tables, table, "table")
    }
    fn memory_index(&mut self, memory: u32) -> Result<u32, ReencodeError<String>> {
        pick(&self.memories, memory, "memory")
    }
    fn data_index(&mut self, data: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.data + data)
    }
    fn element_index(&mut self, element: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.elements + element)
    }
}

/// What one chunk holds, read once.
#[derive(Default)]
struct Chunk<'a> {
    types: Option<wasmparser::TypeSectionReader<'a>>,
    imports: Vec<(&'a str, &'a str, TypeRef)>,
    functions: Option<wasmparser::FunctionSectionReader<'a>>,
    elements: Option<wasmparser::ElementSectionReader<'a>>,
    data: Option<wasmparser::DataSectionReader<'a>>,
    has_data_count: bool,
    bodies: Vec<wasmparser::FunctionBody<'a>>,
    names: Option<wasmparser::NameSectionReader<'a>>,
}

fn read<'a>(name: &str, bytes: &'a [u8]) -> Result<Chunk<'a>, String> {
    let mut chunk = Chunk::default();
    let refuse = |what: &str| Err(format!("{name}: a chunk with {what} cannot be joined"));
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| format!("{name}: {e}"))? {
            Payload::Version { .. } | Payload::End(_) | Payload::CodeSectionStart { .. } => {}
            Payload::TypeSection(s) => chunk.types = Some(s),
            Payload::ImportSection(s) => {
                for imports in s {
                    for import in imports.map_err(|e| format!("{name}: {e}"))? {
                        let (_, import) = import.map_err(|e| format!("{name}: {e}"))?;
                        chunk.imports.push((import.module, import.name, import.ty));
                    }
                }
            }
            Payload::FunctionSection(s) => chunk.functions = Some(s),
            Payload::ElementSection(s) => chunk.elements = Some(s),
            Payload::DataCountSection { .. } => chunk.has_data_count = true,
            Payload::DataSection(s) => chunk.data = Some(s),
            Payload::CodeSectionEntry(body) => chunk.bodies.push(body),
            Payload::CustomSection(c) => {
                if let wasmparser::KnownCustom::Name(names) = c.as_known() {
                    chunk.names = Some(names);
                }
                // Other custom sections (producers, target features) are dropped:
                // wasm-opt is given the features and strips the producers.
            }
            // The splitter may write these sections empty.
            Payload::TableSection(s) if s.count() > 0 => return refuse("its own table"),
            Payload::MemorySection(s) if s.count() > 0 => return refuse("its own memory"),
            Payload::GlobalSection(s) if s.count() > 0 => return refuse("its own globals"),
            Payload::TagSection(s) if s.count() > 0 => return refuse("its own tags"),
            Payload::ExportSection(s) if s.count() > 0 => return refuse("exports"),
            Payload::TableSection(_)
            | Payload::MemorySection(_)
            | Payload::GlobalSection(_)
            | Payload::TagSection(_)
            | Payload::ExportSection(_) => {}
            Payload::StartSection { .. } => return refuse("a start function"),
            other => return refuse(&format!("a section the joiner does not know ({other:?})")),
        }
    }
    Ok(chunk)
}

/// How many entries a section holds (none when the chunk has no such section). A type
/// section's entries are its recursive groups, one type each in the modules joined here
/// (the app uses no garbage-collection types).
fn count<T>(section: &Option<wasmparser::SectionLimited<'_, T>>) -> u32 {
    section.as_ref().map_or(0, |s| s.count())
}

/// Joins the chunks (`(file name, bytes)`) into one module's bytes.
pub fn join(chunks: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let read: Vec<Chunk> = chunks
        .iter()
        .map(|(name, bytes)| read(name, bytes))
        .collect::<Result<_, _>>()?;

    // The imports, each once: the same name must mean the same thing in every chunk.
    let mut imports = ImportSection::new();
    let mut seen: HashMap<(&str, &str), (TypeRef, u32)> = HashMap::new();
    let mut counts = [0u32; 4]; // functions, globals, tables, memories
    let mut numbering: Vec<Renumber> = Vec::new();
    for (chunk, (name, _)) in read.iter().zip(chunks) {
        let mut n = Renumber::default();
        for &(module, field, ty) in &chunk.imports {
            let kind = match ty {
                TypeRef::Func(_) | TypeRef::FuncExact(_) => 0,
                TypeRef::Global(_) => 1,
                TypeRef::Table(_) => 2,
                TypeRef::Memory(_) => 3,
                TypeRef::Tag(_) => return Err(format!("{name}: imports a tag")),
            };
            let joined = match seen.get(&(module, field)) {
                Some(&(first, index)) if first == ty => index,
                Some(_) => {
                    return Err(format!(
                        "{name}: imports {module}.{field} with another type than an earlier chunk"
                    ))
                }
                None => {
                    if kind == 0 {
                        return Err(format!("{name}: imports a function ({module}.{field})"));
                    }
                    let index = counts[kind];
                    counts[kind] += 1;
                    let entity = EntityType::try_from(ty)
                        .map_err(|e| format!("{name}: {module}.{field}: {e:?}"))?;
                    imports.import(module, field, entity);
                    seen.insert((module, field), (ty, index));
                    index
                }
            };
            match kind {
                1 => n.globals.push(joined),
                2 => n.tables.push(joined),
                _ => n.memories.push(joined),
            }
        }
        numbering.push(n);
    }

    // Each chunk's own types, functions, segments after those of the chunks before it.
    let (mut types, mut funcs, mut data, mut elements) = (0, 0, 0, 0);
    for (n, chunk) in numbering.iter_mut().zip(&read) {
        n.types = types;
        n.defined_funcs = funcs;
        n.data = data;
        n.elements = elements;
        types += count(&chunk.types);
        funcs += count(&chunk.functions);
        data += count(&chunk.data);
        elements += count(&chunk.elements);
    }

    let wrap = |name: &str, e: ReencodeError<String>| format!("{name}: {e:?}");
    let mut type_section = TypeSection::new();
    let mut function_section = FunctionSection::new();
    let mut element_section = ElementSection::new();
    let mut code_section = CodeSection::new();
    let mut data_section = DataSection::new();
    let mut function_names = NameMap::new();
    let mut local_names = IndirectNameMap::new();
    let mut named = false;
    for ((n, chunk), (name, _)) in numbering.iter_mut().zip(&read).zip(chunks) {
        if let Some(s) = chunk.types.clone() {
            n.parse_type_section(&mut type_section, s)
                .map_err(|e| wrap(name, e))?;
        }
        if let Some(s) = chunk.functions.clone() {
            n.parse_function_section(&mut function_section, s)
                .map_err(|e| wrap(name, e))?;
        }
        if let Some(s) = chunk.elements.clone() {
            n.parse_element_section(&mut element_section, s)
                .map_err(|e| wrap(name, e))?;
        }
        for body in &chunk.bodies {
            n.parse_function_body(&mut code_section, body.clone())
                .map_err(|e| wrap(name, e))?;
        }
        if let Some(s) = chunk.data.clone() {
            n.parse_data_section(&mut data_section, s)
                .map_err(|e| wrap(name, e))?;
        }
        // Function and local names, for the builds that keep them (profiles).
        for part in chunk.names.clone().into_iter().flatten() {
            match part.map_err(|e| format!("{name}: {e}"))? {
                Name::Function(map) => {
                    for naming in map {
                        let naming = naming.map_err(|e| format!("{name}: {e}"))?;
                        function_names.append(n.func(naming.index), naming.name);
                        named = true;
                    }
                }
                Name::Local(map) => {
                    for locals in map {
                        let locals = locals.map_err(|e| format!("{name}: {e}"))?;
                        let mut joined = NameMap::new();
                        for naming in locals.names {
                            let naming = naming.map_err(|e| format!("{name}: {e}"))?;
                            joined.append(naming.index, naming.name);
                        }
                        local_names.append(n.func(locals.index), &joined);
                    }
                }
                _ => {}
            }
        }
    }

    let mut module = Module::new();
    module.section(&type_section);
    module.section(&imports);
    module.section(&function_section);
    module.section(&element_section);
    if read.iter().any(|c| c.has_data_count) {
        module.section(&DataCountSection { count: data });
    }
    module.section(&code_section);
    module.section(&data_section);
    if named {
        let mut names = NameSection::new();
        names.functions(&function_names);
        names.locals(&local_names);
        module.section(&names);
    }
    let bytes = module.finish();
    Validator::new_with_features(WasmFeatures::all())
        .validate_all(&bytes)
        .map_err(|e| format!("the joined chunk is not valid: {e}"))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, ElementSegment, Elements, Function, GlobalType, Instruction, MemoryType,
        RefType, TableType, ValType,
    };

    fn shared_table() -> EntityType {
        EntityType::Table(TableType {
            element_type: RefType::FUNCREF,
            minimum: 64,
            maximum: None,
            table64: false,
            shared: false,
        })
    }
    fn shared_memory() -> EntityType {
        EntityType::Memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        })
    }
    fn stack_pointer() -> EntityType {
        EntityType::Global(GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        })
    }

    /// A chunk as the splitter writes them: `bodies[i]` is function i (of type `types[tys[i]]`),
    /// all put into the table from `slot`, and `data` written at `address`.
    fn chunk(
        imports: &[(&str, EntityType)],
        types: &[(Vec<ValType>, Vec<ValType>)],
        funcs: &[(u32, Vec<Instruction>)],
        slot: i32,
        address: i32,
        data: &[u8],
    ) -> Vec<u8> {
        let mut m = Module::new();
        let mut t = TypeSection::new();
        for (params, results) in types {
            t.ty().function(params.clone(), results.clone());
        }
        m.section(&t);
        let mut i = ImportSection::new();
        for (name, ty) in imports {
            i.import("__wasm_split", name, *ty);
        }
        m.section(&i);
        let mut f = FunctionSection::new();
        for (ty, _) in funcs {
            f.function(*ty);
        }
        m.section(&f);
        let mut e = ElementSection::new();
        let all: Vec<u32> = (0..funcs.len() as u32).collect();
        e.segment(ElementSegment {
            mode: wasm_encoder::ElementMode::Active {
                table: None,
                offset: &ConstExpr::i32_const(slot),
            },
            elements: Elements::Functions(all.into()),
        });
        m.section(&e);
        let mut c = CodeSection::new();
        for (_, body) in funcs {
            let mut func = Function::new([]);
            for ins in body {
                func.instruction(ins);
            }
            func.instruction(&Instruction::End);
            c.function(&func);
        }
        m.section(&c);
        let mut d = DataSection::new();
        d.active(0, &ConstExpr::i32_const(address), data.iter().copied());
        m.section(&d);
        m.finish()
    }

    /// Every `call`, `call_indirect` type and `global.get` of the joined module, per function.
    fn operands(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for p in Parser::new(0).parse_all(bytes) {
            if let Payload::CodeSectionEntry(body) = p.unwrap() {
                let mut ops = Vec::new();
                for op in body.get_operators_reader().unwrap() {
                    match op.unwrap() {
                        wasmparser::Operator::Call { function_index } => {
                            ops.push(format!("call {function_index}"))
                        }
                        wasmparser::Operator::CallIndirect {
                            type_index,
                            table_index,
                        } => ops.push(format!(
                            "call_indirect type {type_index} table {table_index}"
                        )),
                        wasmparser::Operator::GlobalGet { global_index } => {
                            ops.push(format!("global.get {global_index}"))
                        }
                        _ => {}
                    }
                }
                out.push(ops);
            }
        }
        out
    }

    #[test]
    fn joined_chunks_keep_their_places_and_their_calls() {
        let nothing = (vec![], vec![]);
        let returns_i32 = (vec![], vec![ValType::I32]);
        let a = chunk(
            &[
                ("memory", shared_memory()),
                ("__indirect_function_table", shared_table()),
            ],
            std::slice::from_ref(&returns_i32),
            &[
                (0, vec![Instruction::I32Const(1)]),
                (0, vec![Instruction::Call(0)]),
            ],
            10,
            100,
            b"aa",
        );
        // Another order of the same imports, one more, and another list of types.
        let b = chunk(
            &[
                ("__wasm_split_shared0", stack_pointer()),
                ("__indirect_function_table", shared_table()),
                ("memory", shared_memory()),
            ],
            &[nothing, returns_i32],
            &[
                (1, vec![Instruction::GlobalGet(0)]),
                (
                    1,
                    vec![
                        Instruction::Call(0),
                        Instruction::Drop,
                        Instruction::I32Const(5),
                        Instruction::CallIndirect {
                            type_index: 1,
                            table_index: 0,
                        },
                    ],
                ),
            ],
            20,
            200,
            b"bb",
        );
        let joined = join(&[("a".into(), a), ("b".into(), b)]).unwrap();

        let mut imports = Vec::new();
        let mut slots = Vec::new();
        let mut data = Vec::new();
        for p in Parser::new(0).parse_all(&joined) {
            match p.unwrap() {
                Payload::ImportSection(s) => {
                    for group in s {
                        for import in group.unwrap() {
                            imports.push(import.unwrap().1.name.to_owned());
                        }
                    }
                }
                Payload::ElementSection(s) => {
                    for e in s {
                        let e = e.unwrap();
                        let wasmparser::ElementKind::Active { offset_expr, .. } = e.kind else {
                            panic!("a passive segment");
                        };
                        let wasmparser::ElementItems::Functions(fs) = e.items else {
                            panic!("expressions");
                        };
                        let at =
                            format!("{:?}", offset_expr.get_operators_reader().read().unwrap());
                        let fs: Vec<u32> = fs.into_iter().map(Result::unwrap).collect();
                        slots.push((at, fs));
                    }
                }
                Payload::DataSection(s) => {
                    for d in s {
                        data.push(d.unwrap().data.to_vec());
                    }
                }
                _ => {}
            }
        }
        assert_eq!(
            imports,
            [
                "memory",
                "__indirect_function_table",
                "__wasm_split_shared0"
            ]
        );
        assert_eq!(
            slots,
            [
                ("I32Const { value: 10 }".to_owned(), vec![0, 1]),
                ("I32Const { value: 20 }".to_owned(), vec![2, 3]),
            ]
        );
        assert_eq!(data, [b"aa".to_vec(), b"bb".to_vec()]);
        assert_eq!(
            operands(&joined),
            [
                vec![],
                vec!["call 0".to_owned()],
                vec!["global.get 0".to_owned()],
                vec![
                    "call 2".to_owned(),
                    "call_indirect type 2 table 0".to_owned()
                ],
            ]
        );
    }

    #[test]
    fn a_chunk_that_is_more_than_code_and_places_is_refused() {
        let mut m = Module::new();
        let mut e = wasm_encoder::ExportSection::new();
        e.export("memory", wasm_encoder::ExportKind::Memory, 0);
        let mut mem = wasm_encoder::MemorySection::new();
        mem.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        m.section(&mem);
        m.section(&e);
        let err = join(&[("odd".into(), m.finish())]).unwrap_err();
        assert!(err.contains("odd: a chunk with its own memory"), "{err}");
        // The same import with another type in two chunks.
        let small = chunk(&[("memory", shared_memory())], &[], &[], 0, 0, b"");
        let other = chunk(&[("memory", shared_table())], &[], &[], 0, 0, b"");
        let err = join(&[("a".into(), small), ("b".into(), other)]).unwrap_err();
        assert!(
            err.contains("b: imports __wasm_split.memory with another type"),
            "{err}"
        );
    }
}
