//! refscope compiler
