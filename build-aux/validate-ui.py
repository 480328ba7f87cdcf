#!/usr/bin/env python3
# Validates every ui/*.ui with gtk4-builder-tool, one file at a time.
#
# gtk4-builder-tool knows only GTK's types and finds signal handlers and closure functions by
# symbol in its own process. So the check preloads a module holding our widget types (GtkBuilder
# resolves "IptFoo" through ipt_foo_get_type ()), and checks a copy of each file where <signal>
# elements and bindings or properties built on a <closure> are blanked out, line numbers kept.
# Everything else (types, properties, children, layouts, templates) is checked as written.
#
# Usage: validate-ui.py [--types-module LIB.so] UI_DIR
# Exit status: 0 when every file is valid (or there is none), 1 otherwise, 77 (skipped) when no
# display can be had (gtk4-builder-tool needs one).

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom

SIGNAL_RE = re.compile(r'<signal\b[^>]*/>', re.S)
CLOSURE_BINDING_RE = re.compile(r'<binding\b(?:(?!</binding>).)*?<closure\b.*?</binding>', re.S)
CLOSURE_PROPERTY_RE = re.compile(
    r'<property\b[^>]*>(?:(?!<property\b|</property>).)*?<closure\b.*?</property>', re.S)


def blank(match):
    """Replaces an element by as many newlines as it spans, so line numbers stay right."""
    return '\n' * match.group(0).count('\n')


def checkable_copy(text):
    text = SIGNAL_RE.sub(blank, text)
    text = CLOSURE_BINDING_RE.sub(blank, text)
    text = CLOSURE_PROPERTY_RE.sub(blank, text)
    return text


def preload_for(module):
    """The LD_PRELOAD value: the module, behind the sanitizer runtime it was linked with."""
    libs = []
    try:
        ldd = subprocess.run(['ldd', module], capture_output=True, text=True, check=False).stdout
    except OSError:
        ldd = ''
    for line in ldd.splitlines():
        m = re.match(r'\s*(libasan\.so\S*)\s+=>\s+(\S+)', line)
        if m:
            libs.append(m.group(2))
    libs.append(os.path.abspath(module))
    return ' '.join(libs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--types-module')
    parser.add_argument('ui_dir')
    args = parser.parse_args()

    files = sorted(f for f in os.listdir(args.ui_dir) if f.endswith('.ui')) \
        if os.path.isdir(args.ui_dir) else []
    if not files:
        print(f'validate-ui: no .ui files in {args.ui_dir}')
        return 0

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        xvfb_run = shutil.which('xvfb-run')
        if not xvfb_run:
            print('validate-ui: no display and no xvfb-run: skipped')
            return 77
        os.execv(xvfb_run, [xvfb_run, '-a', sys.executable] + sys.argv)

    tool = shutil.which('gtk4-builder-tool')
    if not tool:
        print('validate-ui: gtk4-builder-tool is missing (package libgtk-4-bin)')
        return 1

    env = dict(os.environ)
    if args.types_module:
        if not os.path.isfile(args.types_module):
            print(f'validate-ui: {args.types_module} is missing')
            return 1
        env['LD_PRELOAD'] = preload_for(args.types_module)
        # The tool itself is not ours: its leaks and its own allocations are not checked here.
        env['ASAN_OPTIONS'] = 'detect_leaks=0:verify_asan_link_order=0'

    # Validating needs no accessibility bus: without it the tool cannot be upset by a bus that
    # another program on the machine starts or stops meanwhile.
    env['GTK_A11Y'] = 'none'

    failed = 0
    with tempfile.TemporaryDirectory(prefix='validate-ui-') as tmp:
        for name in files:
            path = os.path.join(args.ui_dir, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            try:
                xml.dom.minidom.parseString(text.encode('utf-8'))
            except Exception as e:  # expat reports line and column
                print(f'{path}: not well-formed XML: {e}')
                failed += 1
                continue
            copy = os.path.join(tmp, name)
            with open(copy, 'w', encoding='utf-8') as f:
                f.write(checkable_copy(text))
            proc = subprocess.run([tool, 'validate', copy], env=env, capture_output=True,
                                  text=True, check=False)
            if proc.returncode < 0:
                # Killed by a signal: the tool crashed rather than found the file invalid (it
                # does once in a great while on a loaded machine). Say so and check once more;
                # a second crash fails the file.
                print(f'note {path}: gtk4-builder-tool died of signal {-proc.returncode}; '
                      'checking again')
                proc = subprocess.run([tool, 'validate', copy], env=env, capture_output=True,
                                      text=True, check=False)
            output = (proc.stdout + proc.stderr).replace(copy, path).strip()
            if (proc.returncode != 0 or '-CRITICAL **' in output
                    or 'cannot be preloaded' in output):
                print(f'FAIL {path} (exit status {proc.returncode})')
                if output:
                    print(output)
                failed += 1
            else:
                print(f'ok   {path}')
                if output:
                    print(output)

    print(f'validate-ui: {len(files) - failed} of {len(files)} files valid')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
