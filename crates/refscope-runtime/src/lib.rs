//! refscope runtime
