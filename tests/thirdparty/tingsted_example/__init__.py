"""A tiny third-party Tingsted plugin, installed the way pip would install it.

It lives in the test suite to prove the plugin contract works for code outside the
project: it is found through the ``tingsted.plugins`` entry point of its ``.dist-info``
and uses every hook in ``cms.contract.HOOKS``. It is on pytest's path only, so ``make
demo`` never shows it.
"""
